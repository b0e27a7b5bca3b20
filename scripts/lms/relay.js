/*
 * The SCORM runtime adapter of Backorder Academy's SCORM packages (issue 15). Runs in the
 * LMS's frame: finds the LMS's API (SCORM 1.2 `API` or 2004 `API_1484_11`), initializes,
 * shows the module from the hosted site in a frame, and turns each check result the site
 * posts into lesson status (1.2) or completion and success status (2004), score and session
 * time, committing each. Finishes when the page is left. suspend_data keeps where the
 * trainee was (the module and the last result), within 4,096 characters for SCORM 1.2.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var site = root.getAttribute('data-site');
  var version = root.getAttribute('data-scorm');
  var module = new URLSearchParams(location.search).get('module') || '';
  var started = Date.now();
  var finished = false;

  function findApi(win, name) {
    for (var hops = 0; win && hops < 10; hops++) {
      if (win[name]) return win[name];
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var name = version === '1.2' ? 'API' : 'API_1484_11';
  var api = findApi(window, name) || (window.opener && findApi(window.opener, name));
  var status = document.getElementById('status');
  if (!api) {
    status.textContent = 'No learning system was found: open this module from your LMS.';
    return;
  }

  var scorm12 = version === '1.2';
  var call = {
    init: function () {
      return scorm12 ? api.LMSInitialize('') : api.Initialize('');
    },
    get: function (k) {
      return scorm12 ? api.LMSGetValue(k) : api.GetValue(k);
    },
    set: function (k, v) {
      return scorm12 ? api.LMSSetValue(k, String(v)) : api.SetValue(k, String(v));
    },
    commit: function () {
      return scorm12 ? api.LMSCommit('') : api.Commit('');
    },
    finish: function () {
      return scorm12 ? api.LMSFinish('') : api.Terminate('');
    },
  };

  /** Seconds as SCORM 1.2 HH:MM:SS or a SCORM 2004 ISO 8601 duration. */
  function sessionTime(seconds) {
    var s = Math.max(0, Math.round(seconds));
    if (!scorm12) return 'PT' + s + 'S';
    var pad = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    return pad(Math.floor(s / 3600)) + ':' + pad(Math.floor((s % 3600) / 60)) + ':' + pad(s % 60);
  }

  function suspend(data) {
    var text = JSON.stringify(data);
    // SCORM 1.2 limits cmi.suspend_data to 4,096 characters; keep only what fits.
    if (scorm12 && text.length > 4096) text = JSON.stringify({ module: module });
    call.set('cmi.suspend_data', text);
  }

  call.init();
  if (scorm12) {
    if (call.get('cmi.core.lesson_status') === 'not attempted')
      call.set('cmi.core.lesson_status', 'incomplete');
  } else if (call.get('cmi.completion_status') === 'unknown') {
    call.set('cmi.completion_status', 'incomplete');
  }
  call.commit();

  function report(result) {
    var raw = Math.round(result.score * 100);
    if (scorm12) {
      call.set('cmi.core.score.min', 0);
      call.set('cmi.core.score.max', 100);
      call.set('cmi.core.score.raw', raw);
      call.set('cmi.core.lesson_status', result.passed ? 'passed' : 'failed');
    } else {
      call.set('cmi.score.min', 0);
      call.set('cmi.score.max', 100);
      call.set('cmi.score.raw', raw);
      call.set('cmi.score.scaled', result.score);
      call.set('cmi.completion_status', 'completed');
      call.set('cmi.success_status', result.passed ? 'passed' : 'failed');
    }
    suspend({ module: module, score: result.score, passed: result.passed });
    call.commit();
    status.textContent =
      'Result recorded: ' + raw + ' %, ' + (result.passed ? 'passed.' : 'not passed yet.');
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== new URL(site).origin) return;
    var data = event.data;
    if (data && data.type === 'backorder-academy:check' && data.module === module) report(data);
  });

  function finish() {
    if (finished) return;
    finished = true;
    var seconds = (Date.now() - started) / 1000;
    call.set(scorm12 ? 'cmi.core.session_time' : 'cmi.session_time', sessionTime(seconds));
    if (scorm12) call.set('cmi.core.exit', 'suspend');
    else call.set('cmi.exit', 'suspend');
    call.commit();
    call.finish();
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);

  var frame = document.getElementById('module');
  frame.src = site + '/cmi5/' + encodeURIComponent(module) + '/?lms=scorm';
})();
