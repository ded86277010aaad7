using System.Globalization;
using System.Text.Json;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Export;

/// <summary>
/// Everything out, on the user's request only: JSON (<see cref="ExportJson"/>: settings, the paired
/// device, what was learned about the sleeper, and every night — recorded or only logged — with its
/// diary, events and seconds) or CSV (a ZIP of tables: nights, events, diary, seconds; <see cref="WriteCsvArchiveAsync"/>). Written night by night: each night is composed in
/// memory (one night is ≈1 MB at most) and written only when whole, so a night that cannot be read (a
/// damaged database) is left out and named, and the rest still comes out. Deterministic: the same
/// data gives the same bytes.
/// </summary>
public sealed partial class NightLegExport(INightRepository nights, ICrampEventRepository events, IEpochRepository epochs, IDiaryRepository? diaries = null,
    ISettingsRepository? settings = null, IDeviceRepository? devices = null, ISleeperProfileRepository? sleeper = null)
{
    /// <summary>The format and version as the first fields of the JSON say them.</summary>
    public static string Format => $"{ExportJson.FormatName} {ExportJson.Version}";

    /// <summary>How many nights are composed ahead of the one being written: bounded memory (a night is ≈1 MB of JSON).</summary>
    private const int NightsAhead = 3;

    /// <summary>Writes the JSON export; returns what could not be read (empty when everything was).</summary>
    public async Task<ExportResult> WriteJsonAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var (list, listProblem) = ListNights();
        if (listProblem is not null)
        {
            skipped.Add(listProblem);
        }

        var written = 0;
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("format", ExportJson.FormatName);
            json.WriteNumber("version", ExportJson.Version);
            Safely(skipped, "settings", () => ExportJson.WriteSettings(json, settings?.Get() ?? UserSettings.Default));
            Safely(skipped, "the paired device", () => ExportJson.WriteDevice(json, devices?.GetPaired()));
            Safely(skipped, "the sleeper profile", () => ExportJson.WriteSleeper(json, sleeper?.Get(), sleeper?.GetLearning()));
            json.WriteStartArray("nights");
            await json.FlushAsync(cancellationToken);
            // Nights are composed ahead on the thread pool (reading the database and formatting are the work; a
            // second core does half of it) and written in their order.
            var pending = new Queue<(NightId Id, Task<byte[]> Json)>();
            using var next = list.GetEnumerator();
            try
            {
                ComposeAhead();
                while (pending.TryDequeue(out var composing))
                {
                    byte[] one;
                    try
                    {
                        one = await composing.Json;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        skipped.Add($"{composing.Id}: {e.Message}");
                        continue;
                    }
                    finally
                    {
                        ComposeAhead();
                    }

                    json.WriteRawValue(one, skipInputValidation: true);
                    await json.FlushAsync(cancellationToken);
                    written++;
                }
            }
            finally
            {
                // Nothing composes on after the export ends (a failed write, a cancel): the database may be closed next.
                await ((Task)Task.WhenAll(pending.Select(p => p.Json))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            void ComposeAhead()
            {
                while (pending.Count < NightsAhead && !cancellationToken.IsCancellationRequested && next.MoveNext())
                {
                    var (id, night) = next.Current;
                    pending.Enqueue((id, Task.Run(() => NightJson(id, night), CancellationToken.None)));
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new ExportResult(written, skipped);
    }

    /// <summary>Every night there is anything of: recorded, with events, or with a diary; by evening date.</summary>
    private (IReadOnlyList<(NightId Id, Night? Night)> Nights, string? Problem) ListNights()
    {
        var found = new Dictionary<NightId, Night?>();
        string? problem = null;
        try
        {
            foreach (var night in nights.List(DateOnly.MinValue, DateOnly.MaxValue))
            {
                found[night.Id] = night;
            }

            foreach (var id in events.List(DateOnly.MinValue, DateOnly.MaxValue).Select(e => e.Night)
                         .Concat(diaries?.List(DateOnly.MinValue, DateOnly.MaxValue).Select(d => d.Night) ?? []))
            {
                found.TryAdd(id, null);
            }
        }
        catch (Exception e)
        {
            problem = $"the list of nights: {e.Message}";
        }

        return (found.OrderBy(n => n.Key.EveningDate).ThenBy(n => n.Key.TimeZoneId, StringComparer.Ordinal).Select(n => (n.Key, n.Value)).ToList(), problem);
    }

    private byte[] NightJson(NightId id, Night? night)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var seconds = night is null ? [] : epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1));
            ExportJson.WriteNight(json, id, night, diaries?.Get(id), events.ForNight(id), seconds);
        }

        return buffer.ToArray();
    }

    private static void Safely(List<string> skipped, string what, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidOperationException)
        {
            skipped.Add($"{what}: {e.Message}");
        }
    }
}
