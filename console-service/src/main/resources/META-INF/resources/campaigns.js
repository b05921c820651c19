// The SMS counter as the owner types (the console's SmsSegments, asked over GET), and the dry run's count once
// outreach has it. Both only read: nothing here changes anything.
(function () {
  var body = document.getElementById('textBody');
  var counter = document.getElementById('sms-counter');
  var pending = null;
  if (body && counter) {
    body.addEventListener('input', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        fetch('/campaigns/segments?text=' + encodeURIComponent(body.value), {credentials: 'same-origin'})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (s) {
            if (!s) { return; }
            counter.textContent = s.encoding + ': ' + s.units + ' characters, ' + s.segments + ' SMS (' + s.remaining + ' left in this one)';
            counter.dataset.encoding = s.encoding;
            counter.dataset.segments = s.segments;
          }).catch(function () { /* the saved count stays shown */ });
      }, 150);
    });
  }
  var audience = document.getElementById('audience');
  if (audience && audience.textContent.indexOf('Counting') === 0) {
    var tries = 0;
    var poll = setInterval(function () {
      if (++tries > 60) { clearInterval(poll); return; }
      fetch('/campaigns/dry-runs/' + audience.dataset.run, {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          if (c && c.audience !== '') {
            clearInterval(poll);
            audience.textContent = c.audience + ' customers would get this campaign now (nothing was sent).';
          }
        }).catch(function () {});
    }, 1000);
  }
})();
