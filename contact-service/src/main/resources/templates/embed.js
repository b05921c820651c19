/* Lifeline sign-up snippet. Add <div data-lifeline-form></div> and this script to your page. */
(function () {
  var base = "{base}", slug = "{slug}";
  var host = document.querySelector("[data-lifeline-form]");
  if (!host) return;
  host.innerHTML =
    '<form><input name="name" placeholder="Name" maxlength="200">' +
    '<input name="email" type="email" placeholder="E-mail" maxlength="320">' +
    '<input name="phone" type="tel" placeholder="Mobile (optional)" maxlength="40">' +
    '<label><input type="checkbox" name="emailConsent"> <span class="ll-e"></span></label>' +
    '<label><input type="checkbox" name="smsConsent"> <span class="ll-s"></span></label>' +
    '<input name="website" tabindex="-1" autocomplete="off" style="position:absolute;left:-10000px">' +
    '<button type="submit">Sign up</button><p class="ll-msg" role="status"></p></form>';
  host.querySelector(".ll-e").textContent = {emailText};
  host.querySelector(".ll-s").textContent = {smsText};
  var form = host.querySelector("form"), msg = host.querySelector(".ll-msg");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var f = form.elements;
    fetch(base + "/api/v1/public/" + slug + "/contacts", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: f.name.value || null, email: f.email.value || null, phone: f.phone.value || null,
        emailConsent: f.emailConsent.checked, smsConsent: f.smsConsent.checked, website: f.website.value || null })
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        msg.textContent = !r.ok ? (r.body.detail || "Please check your entries.")
          : r.body.status === "pending-confirmation" ? "Thank you! Please confirm with the link we e-mailed you." : "Thank you!";
      }).catch(function () { msg.textContent = "Something went wrong; please try again."; });
  });
})();
