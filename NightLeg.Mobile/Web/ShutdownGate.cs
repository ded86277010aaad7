namespace NightLeg.Mobile.Web;

/// <summary>
/// Lets NightLeg stop at once while a page is open. On shutdown SignalR closes the Blazor circuits,
/// and the page reconnects at once over the connection it holds; nothing then ends that request, so
/// the host waits its whole shutdown timeout (30 s) before stopping — ASP.NET Core's open issue
/// dotnet/aspnetcore#58947. Once stopping, circuit requests are refused with 503, and one that
/// started just before is aborted, so the night's last seconds are written and NightLeg exits in
/// moments (SIGTERM from systemd, Ctrl+C).
/// </summary>
public static class ShutdownGate
{
    private const string CircuitPath = "/_blazor";

    /// <summary>The middleware; put it first.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(CircuitPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        if (stopping.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        // Cancelling RequestAborted is not enough: the transport runs on until the host's timeout.
        using var abort = stopping.Register(context.Abort);
        await next(context);
    }
}
