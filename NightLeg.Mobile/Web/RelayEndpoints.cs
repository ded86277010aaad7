using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble.Relay;
using NightLeg.Sync.Devices;

namespace NightLeg.Mobile.Web;

/// <summary>
/// The phone's Bluetooth relayed to the server (see <see cref="BrowserRelay"/>): the page pairs the
/// wearable it chose, long-polls for commands, and posts its numbered events. JSON only — so a page
/// elsewhere cannot post here without a CORS preflight that NightLeg never grants — and behind the
/// LAN access code like every other route.
/// </summary>
public static class RelayEndpoints
{
    /// <summary>The longest a command poll waits for the first command.</summary>
    public static readonly TimeSpan PollWait = TimeSpan.FromSeconds(20);

    /// <summary>Only the wearable paired through a phone has a relay: any other id (a guess, a flood of made-up ones) is 404 and costs nothing.</summary>
    private static bool IsPaired(string id, IDeviceRepository devices) =>
        BrowserRelay.IsWellFormed(id) && devices.GetPaired()?.Id == id;

    public static void MapRelay(this WebApplication app)
    {
        // What the phone's Bluetooth chooser filters on and may reach: the registered families' services, so a new family needs no change to the page.
        app.MapGet("/relay/services", (DeviceFamilies families) => Results.Json(new
        {
            scan = families.ScanServices.Select(s => s.ToString()),
            services = families.Services.Select(s => s.ToString()),
        }));

        app.MapPost("/relay/pair", (PairRequest request, IDeviceRepository devices, DeviceFamilies families, TimeProvider time) =>
        {
            var services = (request.Services ?? []).Select(s => Guid.TryParse(s, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
            var name = string.IsNullOrWhiteSpace(request.Name) ? "Wearable" : request.Name.Trim()[..Math.Min(request.Name.Trim().Length, 64)];
            if (families.Recognise(name, services) is not { } family)
            {
                return Results.BadRequest(new { error = $"{name} offers no heart-rate service" });
            }

            // The same wearable paired again from the same phone (the page was reloaded) keeps its id,
            // so what the page still holds for it is delivered, in its numbering.
            var id = request.Id is { } kept && BrowserRelay.IsWellFormed(kept) ? kept : BrowserRelay.NewId();
            devices.SavePaired(new PairedDevice(id, name, family.Id, time.GetUtcNow()));
            return Results.Json(new { id, family = family.DisplayName });
        });

        app.MapPost("/relay/{id}/events", (string id, RelayEvent[] events, BrowserRelay relay, IDeviceRepository devices) =>
            !IsPaired(id, devices) ? Results.NotFound()
            : events.Length > BrowserRelay.MaxBatch ? Results.BadRequest(new { error = $"at most {BrowserRelay.MaxBatch} events at a time" })
            : !BrowserRelay.InRange(events) ? Results.BadRequest(new { error = $"events are numbered from 1 to {BrowserRelay.MaxSequence}" })
            : Results.Json(relay.Accept(id, events)));

        app.MapGet("/relay/{id}/commands", async (string id, BrowserRelay relay, HttpContext context, IHostApplicationLifetime lifetime, IDeviceRepository devices) =>
        {
            if (!IsPaired(id, devices))
            {
                return Results.NotFound();
            }

            // A waiting poll must not hold up NightLeg's shutdown (the night's last seconds are written after it).
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                return Results.Json(await relay.NextCommandsAsync(id, PollWait, ended.Token));
            }
            catch (OperationCanceledException)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });
    }

    /// <summary>The wearable the phone's user chose.</summary>
    public sealed record PairRequest(string? Name, string[]? Services, string? Id = null);
}
