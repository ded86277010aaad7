using System.Text.Json;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Gatt;

namespace NightLeg.Evaluation;

/// <summary>
/// A wearable behind the browser's real Web Bluetooth interfaces, for Playwright: an init script
/// that puts a fake <c>navigator.bluetooth</c> in the page (requestDevice → gatt → service →
/// characteristic → startNotifications → <c>characteristicvaluechanged</c>) and plays a capture file
/// through it at <c>speed</c>× — its heart-rate notifications as notifications, its battery level as
/// the value a read returns. The page's clock (<c>Date.now</c>) runs with the capture, as a phone's
/// would during that night. It can drop the link for a while (the wearable out of reach: what it
/// measures meanwhile is lost, as with a real strap) and reports what it delivered in
/// <c>window.__fakeBle</c>: each notification's capture time, and the real wall-clock time it was
/// handed to the page (for the prompt latency through the phone's radio). Used by the browser tests
/// and the benchmark.
/// </summary>
public static class FakeWebBluetooth
{
    /// <summary>The init script for a capture, played at <paramref name="speed"/>, with the link down from <paramref name="lossAt"/> for <paramref name="lossFor"/> (capture time).</summary>
    public static string Script(string capturePath, string name, double speed, TimeSpan? lossAt = null, TimeSpan? lossFor = null)
    {
        using var reader = CaptureReader.Open(capturePath);
        var all = reader.ReadAll().ToList();
        var start = all[0].ReceivedAt;
        var notifications = all.Where(n => n.Characteristic == GattUuids.HeartRateMeasurement)
            .Select(n => new object[] { n.ReceivedAt.ToUnixTimeMilliseconds(), Convert.ToHexString(n.Payload.Span) })
            .ToList();
        var battery = all.FirstOrDefault(n => n.Characteristic == GattUuids.BatteryLevel);
        var config = new
        {
            name,
            speed,
            start = start.ToUnixTimeMilliseconds(),
            lossAt = lossAt is { } at ? start.Add(at).ToUnixTimeMilliseconds() : (long?)null,
            lossUntil = lossAt is { } a && lossFor is { } f ? start.Add(a + f).ToUnixTimeMilliseconds() : (long?)null,
            services = new Dictionary<string, string[]>
            {
                [GattUuids.Format(GattUuids.HeartRateService)] = [GattUuids.Format(GattUuids.HeartRateMeasurement), GattUuids.Format(GattUuids.BodySensorLocation)],
                [GattUuids.Format(GattUuids.BatteryService)] = [GattUuids.Format(GattUuids.BatteryLevel)],
            },
            reads = new Dictionary<string, string>
            {
                [GattUuids.Format(GattUuids.BatteryLevel)] = battery.Payload.IsEmpty ? "50" : Convert.ToHexString(battery.Payload.Span),
                [GattUuids.Format(GattUuids.BodySensorLocation)] = "01",
            },
            heartRate = GattUuids.Format(GattUuids.HeartRateMeasurement),
            notifications,
        };
        return "window.__fakeConfig = " + JsonSerializer.Serialize(config) + ";\n" + Body;
    }

    private const string Body = """
        (function () {
          const cfg = window.__fakeConfig;
          const realNow = Date.now.bind(Date);
          let playStart = null;
          let arriving = null;
          // The phone's clock runs with the night being played; while a notification is handed over it
          // reads that notification's time (on a real phone, "now" in the handler is when it arrived).
          Date.now = () => arriving !== null ? arriving : playStart === null ? cfg.start : Math.round(cfg.start + (realNow() - playStart) * cfg.speed);
          const fake = window.__fakeBle = { requested: null, connects: 0, delivered: 0, lost: 0, deliveredTimes: [], deliveredWall: [], done: false, linkDowns: 0 };
          const hexView = (hex) => { const b = new Uint8Array(hex.length / 2); for (let i = 0; i < b.length; i++) { b[i] = parseInt(hex.substr(i * 2, 2), 16); } return new DataView(b.buffer); };
          const norm = (u) => typeof u === 'number' ? '0000' + u.toString(16).padStart(4, '0') + '-0000-1000-8000-00805f9b34fb' : String(u).toLowerCase();

          class FakeCharacteristic extends EventTarget {
            constructor(service, uuid) { super(); this.service = service; this.uuid = uuid; this.value = null; this.notifying = false; }
            async readValue() { if (!gatt.connected) { throw new DOMException('GATT Server is disconnected.', 'NetworkError'); } this.value = hexView(cfg.reads[this.uuid] || '00'); return this.value; }
            async writeValueWithResponse() { }
            async writeValue() { }
            async startNotifications() {
              if (!gatt.connected) { throw new DOMException('GATT Server is disconnected.', 'NetworkError'); }
              this.notifying = true;
              if (this.uuid === cfg.heartRate && playStart === null) { playStart = realNow(); setInterval(play, 20); }
              return this;
            }
            async stopNotifications() { this.notifying = false; return this; }
          }
          class FakeService {
            constructor(uuid) { this.uuid = uuid; this.isPrimary = true; }
            async getCharacteristic(uuid) {
              uuid = norm(uuid);
              if (!gatt.connected) { throw new DOMException('GATT Server is disconnected.', 'NetworkError'); }
              if (!(cfg.services[this.uuid] || []).includes(uuid)) { throw new DOMException('No Characteristics matching UUID ' + uuid + ' found in Service.', 'NotFoundError'); }
              const key = this.uuid + '/' + uuid;
              characteristics[key] = characteristics[key] || new FakeCharacteristic(this, uuid);
              return characteristics[key];
            }
          }
          const characteristics = {};
          const device = new EventTarget();
          const gatt = {
            device: device, connected: false,
            async connect() {
              const now = Date.now();
              if (cfg.lossAt !== null && now >= cfg.lossAt && now < cfg.lossUntil) { throw new DOMException('Connection attempt failed.', 'NetworkError'); }
              this.connected = true; fake.connects++; return this;
            },
            disconnect() { if (this.connected) { this.connected = false; Object.values(characteristics).forEach((c) => c.notifying = false); device.dispatchEvent(new Event('gattserverdisconnected')); } },
            async getPrimaryServices() { if (!this.connected) { throw new DOMException('GATT Server is disconnected.', 'NetworkError'); } return Object.keys(cfg.services).map((u) => new FakeService(u)); },
            async getPrimaryService(uuid) {
              uuid = norm(uuid);
              if (!this.connected) { throw new DOMException('GATT Server is disconnected.', 'NetworkError'); }
              if (!cfg.services[uuid]) { throw new DOMException('No Services matching UUID ' + uuid + ' found in Device.', 'NotFoundError'); }
              return new FakeService(uuid);
            },
          };
          device.id = 'fake-wearable';
          device.name = cfg.name;
          device.gatt = gatt;

          let next = 0;
          let lossStarted = false;
          function play() {
            const now = Date.now();
            if (cfg.lossAt !== null && !lossStarted && now >= cfg.lossAt) { lossStarted = true; fake.linkDowns++; gatt.disconnect(); }
            const hr = characteristics[Object.keys(cfg.services)[0] + '/' + cfg.heartRate];
            while (next < cfg.notifications.length && cfg.notifications[next][0] <= now) {
              const [t, hex] = cfg.notifications[next++];
              if (gatt.connected && hr && hr.notifying) {
                hr.value = hexView(hex);
                fake.delivered++;
                fake.deliveredTimes.push(t);
                fake.deliveredWall.push(realNow());
                arriving = t;
                try { hr.dispatchEvent(new Event('characteristicvaluechanged')); } finally { arriving = null; }
              } else {
                fake.lost++;
              }
            }
            if (next >= cfg.notifications.length) { fake.done = true; }
          }

          Object.defineProperty(navigator, 'bluetooth', {
            configurable: true,
            value: {
              async requestDevice(options) { fake.requested = options; return device; },
              async getAvailability() { return true; },
            },
          });
        })();
        """;
}
