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
