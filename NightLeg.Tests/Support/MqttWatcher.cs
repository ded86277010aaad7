using System.Collections.Concurrent;
using System.Text;
using MQTTnet;

namespace NightLeg.Tests.Support;

/// <summary>A test's own MQTT client: subscribes to everything and keeps each message (topic, payload, retained).</summary>
public sealed class MqttWatcher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, string Payload, bool Retained)> _messages = new();

    public IReadOnlyList<(string Topic, string Payload, bool Retained)> Messages => [.. _messages];

    /// <summary>Connects to the broker on <paramref name="port"/> and subscribes to <c>#</c>.</summary>
    public static async Task<MqttWatcher> ConnectAsync(int port, string? user = null, string? password = null)
    {
        var watcher = new MqttWatcher();
        watcher._client.ApplicationMessageReceivedAsync += e =>
        {
            watcher._messages.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"watcher-{Guid.NewGuid():N}");
        if (user is not null)
        {
            options = options.WithCredentials(user, password);
        }

        await watcher._client.ConnectAsync(options.Build());
        await watcher._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("#").Build());
        return watcher;
    }

    /// <summary>Waits until a message satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<(string Topic, string Payload, bool Retained)> WaitForAsync(Func<(string Topic, string Payload, bool Retained), bool> match, TimeSpan timeout, string what)
    {
        (string Topic, string Payload, bool Retained)? found = null;
        if (await Eventually.HoldsAsync(() => (found = _messages.FirstOrDefault(m => match(m))) is { Topic: not null }, timeout))
        {
            return found!.Value;
        }

        throw new TimeoutException($"no {what} within {timeout.TotalSeconds:0} s; saw: {string.Join(" | ", _messages.Select(m => m.Topic + "=" + m.Payload).Take(40))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
