// The phone's own Bluetooth as NightLeg's radio (Web Bluetooth, Chrome on Android).
//
// This page is a plain GATT proxy: it keeps the link to the wearable the user chose, does what the
// server asks (find a characteristic, read, write, subscribe — the server's device-family code
// decides what, e.g. Polar's settings before its stream), and relays every notification and answer
// as numbered events. Nothing is decoded or detected here. Events wait in IndexedDB until the server
// has acknowledged them, so a Wi-Fi blip or a stopped host loses none and the server, which skips
// numbers it has taken, stores none twice.
(function () {
  'use strict';

  // The services to look for and to reach come from the server's device families (GET /relay/services),
  // fetched ahead so the chooser opens straight from the tap; a failed fetch (the page loaded before
  // this browser was let in) is tried again at the tap.
  let known = null;
  function knownServices() {
    if (!known) {
      known = fetch('/relay/services', { credentials: 'same-origin', cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error('services: HTTP ' + r.status))));
      known.catch(() => { known = null; });
    }
    return known;
  }
  knownServices();

  const state = {
    relay: null,          // the server's id for this wearable ("phone:…")
    device: null,         // the BluetoothDevice
    server: null,         // its GATT server, while connected
    characteristics: new Map(),
    listeners: new Map(),
    seq: 0,               // the last sequence number given
    acked: 0,             // the last one the server took
    queue: [],            // events not yet acknowledged (mirrored in IndexedDB)
    db: null,
    sending: false,
    backoff: 1000,
    status: 'idle',
    stopped: false,
  };

  let detailText = '';
  const report = (status, detail) => {
    state.status = status;
    detailText = detail || '';
    document.querySelectorAll('[data-relay-status]').forEach((el) => { el.dataset.relayStatus = status; });
  };
  // Where the relay stands, read fresh each time (for the page and its tests).
  Object.defineProperty(window, '__nightlegRelay', {
    configurable: true,
    get: () => ({ status: state.status, detail: detailText, queued: state.queue.length, seq: state.seq, acked: state.acked }),
  });

  // --- IndexedDB: the outbox survives a reload and a host that is away. -------------------------
  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('nightleg-relay', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('outbox', { keyPath: 'seq' });
        request.result.createObjectStore('meta');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function tx(store, mode, work) {
    return new Promise((resolve, reject) => {
      const t = state.db.transaction(store, mode);
      const result = work(t.objectStore(store));
      t.oncomplete = () => resolve(result && result.result !== undefined ? result.result : undefined);
      t.onerror = () => reject(t.error);
    });
  }

  async function restore(relay) {
    state.db = state.db || await openDb();
    const meta = await tx('meta', 'readonly', (s) => s.get(relay));
    const pending = await tx('outbox', 'readonly', (s) => s.getAll());
    state.seq = meta ? meta.seq : 0;
    state.acked = meta ? meta.acked : 0;
    state.queue = pending.filter((e) => e.relay === relay).map((e) => e.event).sort((a, b) => a.seq - b.seq);
    // Another wearable's leftovers cannot be recorded any more (NightLeg now records this one).
    if (pending.some((e) => e.relay !== relay)) {
      await tx('outbox', 'readwrite', (s) => { pending.filter((e) => e.relay !== relay).forEach((e) => s.delete(e.seq)); });
    }
  }

  let persistTimer = null;
  const unsaved = [];
  function enqueue(event) {
    event.seq = ++state.seq;
    state.queue.push(event);
    unsaved.push(event);
    // Written in small batches (a notification arrives every few tens of milliseconds).
    persistTimer = persistTimer || setTimeout(persist, 250);
    scheduleSend(0);
  }

  async function persist() {
    persistTimer = null;
    const batch = unsaved.splice(0, unsaved.length);
    if (!batch.length || !state.db) { return; }
    const t = state.db.transaction(['outbox', 'meta'], 'readwrite');
    batch.forEach((event) => t.objectStore('outbox').put({ seq: event.seq, relay: state.relay, event: event }));
    t.objectStore('meta').put({ seq: state.seq, acked: state.acked }, state.relay);
  }

  async function forget(upTo) {
    if (!state.db) { return; }
    const t = state.db.transaction(['outbox', 'meta'], 'readwrite');
    t.objectStore('outbox').delete(IDBKeyRange.upperBound(upTo));
    t.objectStore('meta').put({ seq: state.seq, acked: upTo }, state.relay);
  }

  // --- To the server, in order, until acknowledged. ---------------------------------------------
  let sendTimer = null;
  function scheduleSend(delay) {
    if (sendTimer === null) { sendTimer = setTimeout(() => { sendTimer = null; send(); }, delay); }
  }

  async function send() {
    if (state.sending || !state.queue.length) { return; }
    state.sending = true;
    const batch = state.queue.slice(0, 500);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 10000);
    try {
      const response = await fetch('/relay/' + encodeURIComponent(state.relay) + '/events', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batch), signal: abort.signal, credentials: 'same-origin',
      });
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      const ack = (await response.json()).ack;
      state.acked = Math.max(state.acked, ack);
      state.queue = state.queue.filter((e) => e.seq > state.acked);
      await forget(state.acked);
      report(state.server ? 'relaying' : state.status);
      state.sending = false;
      if (state.queue.length) { scheduleSend(0); }
    } catch (e) {
      // The host is out of reach: keep everything, try again shortly.
      state.sending = false;
      report(state.status === 'relaying' ? 'host-away' : state.status, String(e));
      scheduleSend(2000);
    } finally {
      clearTimeout(timer);
    }
  }

  // --- Commands from the server. ------------------------------------------------------------------
  async function poll() {
    while (!state.stopped) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 30000);
      try {
        const response = await fetch('/relay/' + encodeURIComponent(state.relay) + '/commands', { signal: abort.signal, credentials: 'same-origin', cache: 'no-store' });
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        const commands = await response.json();
        for (const command of commands) { await run(command); }
      } catch (e) {
        await new Promise((r) => setTimeout(r, 2000));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  const toBase64 = (view) => {
    let text = '';
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text);
  };
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  async function characteristic(service, uuid) {
    const key = service + '/' + uuid;
    if (!state.characteristics.has(key)) {
      const s = await state.server.getPrimaryService(service);
      state.characteristics.set(key, await s.getCharacteristic(uuid));
    }
    return state.characteristics.get(key);
  }

  async function run(command) {
    const reply = { kind: 'reply', id: command.id };
    try {
      if (command.op === 'reconnect') {
        if (state.server && state.device.gatt.connected) { state.device.gatt.disconnect(); } else { connect(); }
        return;
      }
      if (command.op === 'hello') {
        if (state.server && state.device.gatt.connected) {
          const services = (await state.server.getPrimaryServices()).map((s) => s.uuid);
          enqueue({ kind: 'connected', name: state.device.name || 'Wearable', services: services });
        } else {
          connect();
        }
        return;
      }
      if (!state.server) { throw new Error('not connected'); }
      const c = await characteristic(command.s, command.c);
      if (command.op === 'read') {
        reply.v = toBase64(await c.readValue());
      } else if (command.op === 'write') {
        await c.writeValueWithResponse(fromBase64(command.v));
      } else if (command.op === 'subscribe') {
        if (!state.listeners.has(command.c)) {
          const listener = (event) => enqueue({ kind: 'notify', t: Date.now(), c: command.c, v: toBase64(event.target.value) });
          c.addEventListener('characteristicvaluechanged', listener);
          state.listeners.set(command.c, { c: c, listener: listener });
        }
        await c.startNotifications();
      } else if (command.op === 'unsubscribe') {
        const held = state.listeners.get(command.c);
        if (held) { held.c.removeEventListener('characteristicvaluechanged', held.listener); state.listeners.delete(command.c); }
        try { await c.stopNotifications(); } catch (e) { }
      }
    } catch (e) {
      reply.error = (e && e.message) || String(e);
      reply.notFound = !!e && e.name === 'NotFoundError';
    }
    if (command.op !== 'reconnect' && command.op !== 'hello') { enqueue(reply); }
  }

  // --- The link to the wearable, kept up with backoff. ----------------------------------------
  let connecting = false;
  async function connect() {
    if (connecting || state.stopped) { return; }
    connecting = true;
    report('connecting');
    while (!state.stopped) {
      try {
        const server = await state.device.gatt.connect();
        const services = (await server.getPrimaryServices()).map((s) => s.uuid);
        state.server = server;
        state.characteristics.clear();
        state.listeners.clear();
        state.backoff = 1000;
        enqueue({ kind: 'connected', name: state.device.name || 'Wearable', services: services });
        report('relaying');
        break;
      } catch (e) {
        report('reconnecting', String(e));
        await new Promise((r) => setTimeout(r, state.backoff));
        state.backoff = Math.min(state.backoff * 2, 30000);
      }
    }
    connecting = false;
  }

  function onDisconnected() {
    if (!state.server) { return; }
    state.server = null;
    state.characteristics.clear();
    state.listeners.clear();
    enqueue({ kind: 'disconnected', error: 'the phone lost the wearable' });
    report('reconnecting');
    setTimeout(connect, state.backoff);
  }

  // --- Start: the user taps "Use this phone's Bluetooth". -------------------------------------
  async function start() {
    if (!navigator.bluetooth) {
      report('unsupported');
      return 'unsupported';
    }
    let device;
    try {
      const services = await knownServices();
      device = await navigator.bluetooth.requestDevice({
        filters: services.scan.map((uuid) => ({ services: [uuid] })),
        optionalServices: services.services,
      });
    } catch (e) {
      report('cancelled', String(e));
      return 'cancelled';
    }
    state.device = device;
    device.addEventListener('gattserverdisconnected', onDisconnected);
    report('connecting');
    const server = await device.gatt.connect();
    const services = (await server.getPrimaryServices()).map((s) => s.uuid);
    // The same wearable from this phone keeps its relay id across reloads: what is still in the
    // outbox for it is sent in its own numbering.
    const remembered = localStorage.getItem('nightleg-relay:' + device.id);
    const paired = await fetch('/relay/pair', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ name: device.name || 'Wearable', services: services, id: remembered }),
    });
    if (!paired.ok) {
      report('refused', (await paired.json()).error);
      device.gatt.disconnect();
      return 'refused';
    }
    state.relay = (await paired.json()).id;
    localStorage.setItem('nightleg-relay:' + device.id, state.relay);
    await restore(state.relay);
    state.server = server;
    enqueue({ kind: 'connected', name: device.name || 'Wearable', services: services });
    report('relaying');
    poll();
    return 'relaying';
  }

  window.nightlegRelay = { start: start, supported: () => !!navigator.bluetooth, state: () => window.__nightlegRelay };
  document.documentElement.dataset.webBluetooth = navigator.bluetooth ? 'yes' : 'no';
  report('idle');
  // Blazor renders pages after this script: show the state on each new page too.
  new MutationObserver(() => report(state.status, detailText)).observe(document.body, { childList: true, subtree: true });
})();
