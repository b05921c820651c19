// The Sign-up form page's "Copy" button: copies the snippet; where the clipboard API is refused (an older
// browser, a page not served over HTTPS), the snippet is selected so that Ctrl+C copies it.
(function () {
  var button = document.getElementById("copy-snippet");
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById("copy-status");
  button.addEventListener("click", function () {
    source.focus();
    source.select();
    var done = function () { status.textContent = "Copied."; };
    var manual = function () { status.textContent = "Selected: press Ctrl+C (⌘C) to copy."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(source.value).then(done, manual);
    } else {
      manual();
    }
  });
})();
