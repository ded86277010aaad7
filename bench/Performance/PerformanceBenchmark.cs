using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Live;
using NightLeg.Sync.Pipeline;
using NightLeg.Sync.Recording;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Bench.Performance;

/// <summary>Replay speed against a read+decode floor, memory, bytes per stored night, and history query times.</summary>
public static class PerformanceBenchmark
{
    private const int Runs = 5;
    private static readonly NightCalendar Oslo = NightCalendar.ForZone(SimulationOptions.DefaultTimeZone);

    public static int Run(TextWriter output, string workDir)
    {
        Directory.CreateDirectory(workDir);
        var capture = Path.Combine(workDir, "polar-8h.capture");
        var options = new SimulationOptions(42, DeviceFamilies.Default.Simulate("polar-h10"), 2, HypnogramLibrary.Get("4426783"),
            new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), SimulationOptions.DefaultTimeZone, 8);
        var simulator = new NightSimulator(options);
        using (var writer = CaptureWriter.Create(capture, simulator.Header))
        {
            simulator.WriteCapture(writer);
        }

        var nightSeconds = 8 * 3600.0;
        long records = 0, samples = 0;
        var floor = Stats.MedianSeconds(Runs, () =>
        {
            using var reader = CaptureReader.Open(capture);
            var sink = new CountingSink();
            var pipeline = new NotificationPipeline(sink);
            records = 0;
            foreach (var n in reader.ReadAll())
            {
                pipeline.Process(n);
                records++;
            }

            samples = sink.Count;
        });
        var replay = Stats.MedianSeconds(Runs, () =>
        {
            using var reader = CaptureReader.Open(capture);
            CaptureReplay.Run(reader, Oslo);
        });

        output.WriteLine("### Replay of an eight-hour Polar H10 night");
        output.WriteLine();
        output.WriteLine($"Capture: {records:N0} notifications ({new FileInfo(capture).Length / 1e6:0.0} MB), {samples:N0} samples (heart rate 1 Hz with RR, ACC 52 Hz). Median of {Runs} runs after a warm-up.");
        output.WriteLine();
        output.WriteLine("| what | wall time | × real time | ratio to floor | target |");
        output.WriteLine("|---|---|---|---|---|");
        output.WriteLine(Invariant($"| floor: read + decode only | {floor:0.000} s | {nightSeconds / floor:N0}× | 1.00 | |"));
        output.WriteLine(Invariant($"| replay: read + decode + recorder + detector | {replay:0.000} s | {nightSeconds / replay:N0}× | {replay / floor:0.00} | ≥ 20,000× and ≤ 3× the floor |"));
        output.WriteLine();

        // Peak memory, each in a fresh process so nothing else is counted.
        var memory = RunChild("memory-replay", capture);
        output.WriteLine("### Memory (each in a fresh process)");
        output.WriteLine();
        output.WriteLine($"- **Replay** of the eight-hour night: {memory}");
        output.WriteLine($"- **Live simulated night**: {RunChild("memory-live", workDir)}");
        output.WriteLine();
        output.WriteLine("### Memory after browsers");
        output.WriteLine();
        BrowserMemoryBenchmark.Run(output, rounds: 3).GetAwaiter().GetResult();

        // Bytes per stored night.
        var db = Path.Combine(workDir, "one-night.db");
        File.Delete(db);
        using (var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System))
        using (var reader = CaptureReader.Open(capture))
        {
            NightPersister? persister = null;
            var nights = new LiteDbNightRepository(database);
            CaptureReplay.Run(reader, Oslo, Sensitivity.Normal, r =>
                persister = new NightPersister(r, nights, new LiteDbEpochRepository(database), new CrampJournal(new LiteDbCrampEventRepository(database), nights, Oslo, TimeProvider.System), 3600));
            persister!.Dispose();
        }

        var log = NightLegDatabase.LogPathOf(db);
        var bytes = new FileInfo(db).Length + (File.Exists(log) ? new FileInfo(log).Length : 0);
        output.WriteLine("### Storage");
        output.WriteLine();
        output.WriteLine(Invariant($"One eight-hour night (its 28,800 seconds, the night and its events) in a fresh LiteDB file: **{bytes / 1e6:0.00} MB** (target ≤ 1.5 MB)."));
        output.WriteLine();

        Durability(output, workDir);
        HistoryBenchmark(output, Path.Combine(workDir, "history.db"));
        return Scale(output);
    }

    /// <summary>The bedside machine over years: ten years of nights, the prompt's latency, the footprint, a live night (also <c>nightleg-bench scale</c>).</summary>
    public static int Scale(TextWriter output)
    {
        output.WriteLine("### Ten years of nights");
        output.WriteLine();
        TenYearsBenchmark.Run(output).GetAwaiter().GetResult();
        TenYearsOfSecondsBenchmark.Run(output).GetAwaiter().GetResult();
        output.WriteLine("### Prompt latency, end to end (host radio and phone radio)");
        output.WriteLine();
        PromptLatencyBenchmark.Run(output, speed: 120, minutes: 4).GetAwaiter().GetResult();
        output.WriteLine("### Footprint on a bedside machine");
        output.WriteLine();
        FootprintBenchmark.Run(output).GetAwaiter().GetResult();
        output.WriteLine("### A live night with one phone, and the garbage collector");
        output.WriteLine();
        LiveNightBenchmark.Run(output, TimeSpan.FromMinutes(3), compareGc: true).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>
    /// What forcing each 5-second batch to disk (fsync of the log and the file) costs: an hour of
    /// live batches written with and without it, on the same disk.
    /// </summary>
    private static void Durability(TextWriter output, string workDir)
    {
        const int batches = 720; // one hour of 5-second batches
        var night = new NightId(new DateOnly(2026, 3, 10), "Europe/Oslo");
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        (double Median, double P95) Measure(bool flush)
        {
            var path = Path.Combine(workDir, flush ? "durable.db" : "buffered.db");
            File.Delete(path);
            File.Delete(NightLegDatabase.LogPathOf(path));
            using var database = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System);
            var epochs = new LiteDbEpochRepository(database);
            var times = new List<double>(batches);
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(0, 5).Select(s => new SecondEpoch(start.AddSeconds((b * 5) + s), 55, 0.01, null)).ToList();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                epochs.Append(night, batch);
                if (flush)
                {
                    database.FlushToDisk();
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
        }

        var buffered = Measure(flush: false);
        var durable = Measure(flush: true);
        output.WriteLine("### Durability");
        output.WriteLine();
        output.WriteLine("Each 5-second batch of a live night is forced to disk (fsync of the LiteDB log and file), so a power cut loses at most the last ≈7 seconds. Its cost, an hour of batches on the same disk:");
        output.WriteLine();
        output.WriteLine("| batch write | median | p95 |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(Invariant($"| handed to the OS only | {buffered.Median:0.00} ms | {buffered.P95:0.00} ms |"));
        output.WriteLine(Invariant($"| forced to disk (what NightLeg does) | {durable.Median:0.00} ms | {durable.P95:0.00} ms |"));
        output.WriteLine();
        output.WriteLine(Invariant($"Forcing costs ×{durable.Median / Math.Max(0.001, buffered.Median):0.0} per batch — {durable.Median / 5000 * 100:0.000} % of the night's wall time; the disk sees one small sync every 5 seconds."));
        output.WriteLine();
    }

    /// <summary>Child process: replays, sampling the managed heap every simulated hour, then prints the peak RSS.</summary>
    public static int MemoryReplay(string capture, TextWriter output)
    {
        var heap = new List<(int Hour, double Mb)>();
        using (var reader = CaptureReader.Open(capture))
        {
            DateTimeOffset? start = null;
            CaptureReplay.Run(reader, Oslo, Sensitivity.Normal, r => r.EpochCompleted += e =>
            {
                start ??= e.Start;
                var hour = (int)(e.Start - start.Value).TotalHours;
                if (hour >= heap.Count)
                {
                    heap.Add((hour, GC.GetTotalMemory(false) / 1e6));
                }
            });
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        output.WriteLine(Invariant($"peak resident memory **{peak:0} MB** (target ≤ 200 MB); managed heap at each hour of the night: {string.Join(", ", heap.Select(h => $"{h.Mb:0.0}"))} MB — flat: the recorder keeps fixed-size state, the reader streams."));
        return 0;
    }

    /// <summary>
    /// Child process: the live path — simulated Polar H10 through the BLE port, the sync service, the
    /// session and a LiteDB file — for a whole eight-hour night at 1,200× real time (24 s).
    /// </summary>
    public static async Task<int> MemoryLive(string workDir, TextWriter output)
    {
        Directory.CreateDirectory(workDir);
        var path = Path.Combine(workDir, "live.db");
        File.Delete(path);
        var options = new SimulationOptions(42, DeviceFamilies.Default.Simulate("polar-h10"), 2, HypnogramLibrary.Get("4426783"),
            new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), SimulationOptions.DefaultTimeZone, 8);
        using var database = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice(SimulatedWearableAdapter.DeviceId, "demo", "polar-h10", options.Start, IsDemo: true));
        var sync = new SyncOptions { Watchdog = TimeSpan.FromSeconds(5) };
        var session = new NightSession(Oslo, DetectorThresholds.Normal, nights, new LiteDbEpochRepository(database),
            new CrampJournal(new LiteDbCrampEventRepository(database), nights, Oslo, TimeProvider.System), sync, null, NullLogger<NightSession>.Instance, TimeProvider.System);
        var heap = new List<double>();
        var nextHour = options.Start;
        session.StatusChanged += s =>
        {
            if (s.LastDataAt is { } t && t >= nextHour)
            {
                heap.Add(GC.GetTotalMemory(false) / 1e6);
                nextHour = nextHour.AddHours(1);
            }
        };
        await using var adapter = new SimulatedWearableAdapter(options, TimeProvider.System, 1200);
        var service = new NightSyncService(adapter, devices, session, TimeProvider.System, sync, NullLogger<NightSyncService>.Instance);
        await service.StartAsync(CancellationToken.None);
        while (!adapter.Finished)
        {
            await Task.Delay(100);
        }

        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        output.WriteLine(Invariant($"peak resident memory **{peak:0} MB** (target ≤ 200 MB); managed heap at each hour of the night: {string.Join(", ", heap.Select(h => $"{h:0.0}"))} MB; {session.Status.SecondsStored:N0} seconds stored."));
        return 0;
    }

    private static void HistoryBenchmark(TextWriter output, string path)
    {
        File.Delete(path);
        using var database = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var events = new LiteDbCrampEventRepository(database);
        var epochs = new LiteDbEpochRepository(database);
        var random = new Random(1100);
        var firstEvening = new DateOnly(2023, 1, 1);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1100; i++)
        {
            var id = new NightId(firstEvening.AddDays(i), SimulationOptions.DefaultTimeZone);
            var start = Oslo.ToUtc(id, new TimeOnly(23, 0));
            var seconds = new SecondEpoch[8 * 3600];
            for (var s = 0; s < seconds.Length; s++)
            {
                seconds[s] = new SecondEpoch(start.AddSeconds(s), 50 + random.Next(0, 8), 0.005 + (random.NextDouble() * 0.02), new Posture(0, 0, 1));
            }

            epochs.Append(id, seconds);
            nights.Save(new Night(id, start, start.AddHours(8), null, null, start.AddMinutes(15), start.AddHours(7.9), [],
                new SleepStatistics(TimeSpan.FromHours(7.5), 47, 52)));
            for (var e = 0; e < random.Next(0, 3); e++)
            {
                var onset = start.AddHours(1 + (e * 2));
                var cramp = CrampEvent.FromDetection(Guid.NewGuid(), id, new AwakeningDetected(onset, onset.AddSeconds(11), 52, 70, 9, 60, 0.8, DetectionEvidence.HeartRateAndMotion));
                events.Save(e % 2 == 0 ? cramp.Confirmed(CrampDetails.Empty) : cramp.Dismissed(DismissReason.Bathroom, null));
            }
        }

        var built = clock.Elapsed.TotalSeconds;
        var history = new HistoryService(nights, events, new AwakeningReviewer(new LiteDbEpochRepository(database)));
        var last = new NightId(firstEvening.AddDays(1099), SimulationOptions.DefaultTimeZone);
        int listed = 0, pageSeconds = 0;
        var list = Stats.MedianSeconds(Runs, () =>
        {
            var summaries = history.List(firstEvening, firstEvening.AddDays(1099));
            var weeks = CrampTrends.PerWeek(summaries);
            var months = CrampTrends.PerMonth(summaries);
            listed = summaries.Count + (weeks.Count * 0) + (months.Count * 0);
        });
        var page = Stats.MedianSeconds(Runs, () =>
        {
            var summary = history.Get(last)!;
            pageSeconds = epochs.Read(summary.Start.AddHours(-1), summary.End.AddHours(1)).Count;
            _ = events.ForNight(last);
        });
        var size = new FileInfo(path).Length / 1e6;
        output.WriteLine("### History");
        output.WriteLine();
        output.WriteLine(Invariant($"A database of {listed:N0} nights, each with 8 h of seconds and 0–2 events ({size:0} MB, built in {built:0} s). Median of {Runs} runs, server side:"));
        output.WriteLine();
        output.WriteLine("| query | time | target |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(Invariant($"| history list: all 1,100 night summaries + cramp nights per week and month | {list * 1000:0} ms | ≤ 100 ms |"));
        output.WriteLine(Invariant($"| one night's page: summary + its {pageSeconds:N0} seconds + events | {page * 1000:0} ms | ≤ 100 ms |"));
        output.WriteLine();
    }

    private static string RunChild(string command, string argument)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class CountingSink : ISampleSink
    {
        public long Count { get; private set; }

        public void Add(HeartRateSample sample) => Count++;

        public void Add(in MotionSample sample) => Count++;
    }
}
