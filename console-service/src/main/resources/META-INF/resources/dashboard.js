// Keeps the dashboard's platforms part live: fetched again every 10 s (the rest of the page needs no refresh).
setInterval(function () {
  fetch('/dashboard/platforms', {credentials: 'same-origin'}).then(function (r) {
    if (r.status === 401) { location.href = '/signin'; return null; }
    return r.ok ? r.text() : null;
  }).then(function (html) {
    if (html !== null) { document.getElementById('platforms').innerHTML = html; }
  }).catch(function () { /* offline for a moment: the next round tries again */ });
}, 10000);
