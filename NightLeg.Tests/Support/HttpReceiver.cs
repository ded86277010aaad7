using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NightLeg.Tests.Support;

/// <summary>
/// A tiny HTTP server for one test (HttpListener on a free loopback port): records each request
/// exactly — method, path and query, headers, body bytes — and answers with the next status given.
/// </summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly ConcurrentQueue<Received> _requests = new();
    private readonly Task _loop;

    public HttpReceiver(params HttpStatusCode[] answers)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<Received> Requests => [.. _requests];

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, headers, body.ToArray()));
            context.Response.StatusCode = (int)(_answers.TryDequeue(out var answer) ? answer : HttpStatusCode.OK);
            context.Response.Close();
        }
    }

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }
}
