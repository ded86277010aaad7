using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using NightLeg.Mobile.Web.Tls;
using NightLeg.Sync.Files;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>
/// A Unix domain socket beside the database (<c>nightleg.db.sock</c>, owner-only), through which a
/// second <c>nightleg</c> asks the running one for what needs the open database — a consistent
/// backup — or for a link that lets a browser in (<c>nightleg link</c>). Only the socket answers
/// <c>/control/…</c>; over TCP it does not exist.
/// </summary>
public static class ControlSocket
{
    /// <summary>Longest socket path the kernel takes (sun_path is 108 bytes with its terminator).</summary>
    private const int MaxPathBytes = 107;

    /// <summary>
    /// Makes the place for the socket of <paramref name="databasePath"/>: a socket left there by a crash is
    /// removed (the database lock is ours, so it is stale); anything else — a file or folder of the user's —
    /// is never touched, and the socket is not made (returns null with the reason).
    /// </summary>
    public static (string? Socket, string? Problem) Prepare(string databasePath)
    {
        if (PathFor(databasePath) is not { } socket)
        {
            return (null, null);
        }

        if (!File.Exists(socket) && !Directory.Exists(socket))
        {
            return (socket, null);
        }

        if (UnixFile.IsSocket(socket) == true)
        {
            File.Delete(socket);
            return (socket, null);
        }

        return (null, $"{socket} exists and is not NightLeg's socket; NightLeg has not changed it (backup while NightLeg runs needs it: move it away)");
    }

    /// <summary>The socket for <paramref name="databasePath"/>, or null when its path is too long for a socket.</summary>
    public static string? PathFor(string databasePath)
    {
        var path = databasePath + ".sock";
        return OperatingSystem.IsWindows() || System.Text.Encoding.UTF8.GetByteCount(path) > MaxPathBytes ? null : path;
    }

    /// <summary>
    /// Handles <c>POST /control/backup</c> (JSON <c>{"out": path}</c>) and <c>GET /control/link</c> on the socket;
    /// everything else passes on.
    /// </summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var onSocket = context.Features.Get<IConnectionSocketFeature>()?.Socket?.AddressFamily == AddressFamily.Unix;
        if (!context.Request.Path.StartsWithSegments("/control", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        if (onSocket && HttpMethods.IsPost(context.Request.Method) && path.Equals(BackupPath, StringComparison.OrdinalIgnoreCase))
        {
            await BackUpAsync(context);
        }
        else if (onSocket && HttpMethods.IsGet(context.Request.Method) && path.Equals(LinkPath, StringComparison.OrdinalIgnoreCase))
        {
            await context.Response.WriteAsync(context.RequestServices.GetService<LocalAccess>()?.Link
                ?? $"NightLeg runs with --lan: open {context.RequestServices.GetService<PhoneSetup>()?.Url ?? "its address"} and enter the access code {context.RequestServices.GetService<LanAccess>()?.Code}");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Asks the NightLeg listening on <paramref name="socketPath"/> to back up to <paramref name="destination"/>; returns its answer.</summary>
    public static Task<(bool Succeeded, string Answer)> RequestBackupAsync(string socketPath, string destination, CancellationToken cancellationToken) =>
        SendAsync(socketPath, client => client.PostAsJsonAsync($"http://localhost{BackupPath}", new BackupRequest(destination), cancellationToken), cancellationToken);

    /// <summary>Asks the NightLeg listening on <paramref name="socketPath"/> for a link that lets one browser in.</summary>
    public static Task<(bool Succeeded, string Answer)> RequestLinkAsync(string socketPath, CancellationToken cancellationToken) =>
        SendAsync(socketPath, client => client.GetAsync($"http://localhost{LinkPath}", cancellationToken), cancellationToken);

    private const string BackupPath = "/control/backup";
    private const string LinkPath = "/control/link";

    private static async Task BackUpAsync(HttpContext context)
    {
        var request = await context.Request.ReadFromJsonAsync<BackupRequest>();
        if (request?.Out is not { Length: > 0 } destination)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("give the backup file as {\"out\": \"/path/file.db\"}");
            return;
        }

        try
        {
            context.RequestServices.GetRequiredService<NightLegDatabase>().BackUp(destination);
            await context.Response.WriteAsync(Path.GetFullPath(destination));
        }
        catch (StorageException e)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await context.Response.WriteAsync(e.Message);
        }
    }

    private static async Task<(bool Succeeded, string Answer)> SendAsync(string socketPath, Func<HttpClient, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        using var response = await send(client);
        var answer = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        return (response.IsSuccessStatusCode, answer);
    }

    private sealed record BackupRequest(string? Out);
}
