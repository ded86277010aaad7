using NightLeg.Sync.Export;

namespace NightLeg.Mobile.Web;

/// <summary>All data out, on the user's request only: JSON, or CSV tables in one ZIP archive (nights, events, diary, seconds), streamed.</summary>
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

        app.MapGet("/export/nightleg-csv.zip", async (HttpContext http, NightLegExport export) =>
        {
            // The archive writes each entry's few-byte data descriptor synchronously when the entry closes (System.IO.Compression,
            // unseekable output); everything else goes out asynchronously.
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = "attachment; filename=nightleg-csv.zip";
            await export.WriteCsvArchiveAsync(http.Response.Body, http.RequestAborted);
        });
    }
}
