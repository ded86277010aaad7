// The prompt's alert: vibration where the browser allows it, and a soft two-tone chime.
window.nightleg = {
  alert: function () {
    try { if (navigator.vibrate) { navigator.vibrate([400, 200, 400]); } } catch (e) { }
    try {
      const AudioContext = window.AudioContext || window.webkitAudioContext;
      if (!AudioContext) { return; }
      const ctx = new AudioContext();
      [0, 0.35].forEach(function (delay, i) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = i === 0 ? 660 : 880;
        gain.gain.setValueAtTime(0.0001, ctx.currentTime + delay);
        gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + delay + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + delay + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + delay);
        osc.stop(ctx.currentTime + delay + 0.32);
      });
    } catch (e) { }
  }
};

// The installable app: the service worker (a secure context only) keeps the shell for when the
// host is briefly out of reach. Whether it registered tells the page the connection is trusted:
// html[data-secure] is "yes" or "no" (shown by Settings › Phone).
(function () {
  const root = document.documentElement;
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    root.dataset.secure = 'no';
    return;
  }
  navigator.serviceWorker.register('/sw.js', { scope: '/' })
    .then(function () { root.dataset.secure = 'yes'; window.__nightlegServiceWorker = 'registered'; })
    .catch(function (e) { root.dataset.secure = 'no'; window.__nightlegServiceWorker = 'failed: ' + e.name; });
})();

// Bedside mode: the screen stays on (wake lock, taken again when the page is shown again), a clock
// from the phone's own time, and the content drifts a few pixels each minute against burn-in.
(function () {
  let lock = null;
  let wanted = false;
  let clock = null;
  window.__nightlegWakeLock = 'none';

  async function acquire() {
    if (!wanted || lock || !('wakeLock' in navigator) || document.visibilityState !== 'visible') {
      return;
    }
    try {
      lock = await navigator.wakeLock.request('screen');
      window.__nightlegWakeLock = 'held';
      lock.addEventListener('release', function () { lock = null; window.__nightlegWakeLock = 'released'; });
    } catch (e) {
      window.__nightlegWakeLock = 'refused: ' + e.name;
    }
  }

  function tick() {
    const now = new Date();
    document.querySelectorAll('[data-bedside-clock]').forEach(function (el) {
      el.textContent = now.toLocaleTimeString(document.documentElement.lang === 'nb' ? 'nb-NO' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    });
    const minute = now.getHours() * 60 + now.getMinutes();
    const x = ((minute * 7) % 25) - 12;
    const y = ((minute * 11) % 41) - 20;
    document.querySelectorAll('[data-bedside-drift]').forEach(function (el) {
      el.style.transform = 'translate(' + x + 'px, ' + y + 'px)';
    });
  }

  document.addEventListener('visibilitychange', acquire);
  // The current wake-lock sentinel (read-only), e.g. to see that it is held.
  Object.defineProperty(window.nightleg, 'wakeLock', { get: function () { return lock; } });
  window.nightleg.fullscreen = function () {
    try {
      const request = document.documentElement.requestFullscreen;
      if (request && !document.fullscreenElement) { request.call(document.documentElement).catch(function () { }); }
    } catch (e) { }
  };
  window.nightleg.bedside = function (on) {
    wanted = on;
    if (on) {
      acquire();
      tick();
      clock = clock || setInterval(tick, 10000);
    } else {
      if (lock) { lock.release(); lock = null; }
      window.__nightlegWakeLock = 'none';
      if (clock) { clearInterval(clock); clock = null; }
      if (document.fullscreenElement) { document.exitFullscreen().catch(function () { }); }
    }
  };
})();
