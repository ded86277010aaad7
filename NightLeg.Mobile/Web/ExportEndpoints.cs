using NightLeg.Sync.Export;

namespace NightLeg.Mobile.Web;

/// <summary>All data out, on the user's request only: JSON (nights, events, seconds) and CSV (seconds), streamed.</summary>
public static class ExportEndpoints
{
    public static void MapExport(this WebApplication app)
    {
        app.MapGet("/export/nightleg.json", async (HttpContext http, NightLegExport export) =>
        {
            http.Response.ContentType = "application/json";
            http.Response.Headers.ContentDisposition = "attachment; filename=nightleg.json";
            await export.WriteJsonAsync(http.Response.Body, http.RequestAborted);
        });

        app.MapGet("/export/nightleg.csv", async (HttpContext http, NightLegExport export) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=nightleg.csv";
            await export.WriteCsvAsync(http.Response.Body, http.RequestAborted);
        });
    }
}
