// Keeps the import's progress bar current: asks for the job's state every second until it is done or failed.
(function () {
  var box = document.getElementById('import');
  if (!box || box.dataset.finished === 'true') { return; }
  var job = box.dataset.job;
  function set(id, value) { document.getElementById(id).textContent = value; }
  function poll() {
    fetch('/imports/jobs/' + encodeURIComponent(job) + '/status', {credentials: 'same-origin'})
      .then(function (r) {
        if (r.status === 401) { location.href = '/signin'; return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (p) {
        if (p === null) { setTimeout(poll, 2000); return; }
        document.getElementById('progress').value = p.percent;
        document.getElementById('progress').textContent = p.percent + '%';
        set('percent', p.percent);
        set('rows', p.rowsRead);
        set('imported', p.imported);
        set('merged', p.merged);
        set('failed', p.failed);
        document.getElementById('errors-link').hidden = p.failed === 0;
        if (p.state === 'done' || p.state === 'failed') {
          set('state', p.state === 'done' ? 'Done.' : 'Stopped.');
          box.dataset.finished = 'true';
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
