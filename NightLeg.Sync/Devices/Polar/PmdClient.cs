using System.Threading.Channels;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// Polar Measurement Data on one connection (Polar BLE SDK's BlePMDClient): the control point
/// (ask settings, start, stop — one command at a time, each answered on the control point) and the
/// data stream. Every control-point answer also goes to the pipeline, which keeps each stream's
/// state from them. Not thread-safe: one caller at a time.
/// </summary>
public sealed class PmdClient(IBleConnection connection, TimeProvider time) : IAsyncDisposable
{
    /// <summary>How long a sensor may take to answer a command.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<PmdControlPointResponse> _responses = Channel.CreateUnbounded<PmdControlPointResponse>();
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private IBleCharacteristic? _controlPoint;

    /// <summary>True when the device offers PMD.</summary>
    public bool Offered => connection.Services.Contains(GattUuids.PolarPmdService);

    /// <summary>Subscribes to the control point's answers and the data stream.</summary>
    public async Task SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        _controlPoint = await connection.GetCharacteristicAsync(GattUuids.PolarPmdService, GattUuids.PolarPmdControlPoint, cancellationToken);
        _subscriptions.Add(await _controlPoint.SubscribeAsync(n =>
        {
            if (PmdControlPointResponseDecoder.Decode(n.Payload.Span) is { IsSuccess: true } decoded)
            {
                _responses.Writer.TryWrite(decoded.Value);
            }

            onNotification(n);
        }, cancellationToken));
        var data = await connection.GetCharacteristicAsync(GattUuids.PolarPmdService, GattUuids.PolarPmdData, cancellationToken);
        _subscriptions.Add(await data.SubscribeAsync(onNotification, cancellationToken));
    }

    /// <summary>What the sensor offers for <paramref name="type"/>; throws <see cref="BleException"/> when it refuses or does not answer.</summary>
    public async Task<PmdSettings> GetSettingsAsync(PmdMeasurementType type, CancellationToken cancellationToken)
    {
        var answer = await CommandAsync(PmdCommands.GetSettings(type), PmdCommands.GetSettingsOpcode, cancellationToken);
        var settings = PmdSettingsDecoder.Decode(answer.Parameters);
        return settings.IsSuccess ? settings.Value : throw new BleException(BleErrorKind.Failed, $"the sensor's settings did not decode: {settings.Error.Message}");
    }

    /// <summary>Starts ACC with <paramref name="settings"/>; returns the sensor's answer (its status says whether it started).</summary>
    public Task<PmdControlPointResponse> StartAccAsync(PmdAccSettings settings, CancellationToken cancellationToken) =>
        CommandAsync(settings.StartCommand(), PmdCommands.StartOpcode, cancellationToken, requireSuccess: false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        _subscriptions.Clear();
    }

    private async Task<PmdControlPointResponse> CommandAsync(byte[] command, byte opcode, CancellationToken cancellationToken, bool requireSuccess = true)
    {
        var controlPoint = _controlPoint ?? throw new InvalidOperationException("subscribe first");
        while (_responses.Reader.TryRead(out _))
        {
            // Answers to earlier commands are not this one's.
        }

        await controlPoint.WriteAsync(command, cancellationToken);
        using var deadline = new CancellationTokenSource(ResponseTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (true)
            {
                var answer = await _responses.Reader.ReadAsync(timeout.Token);
                if (answer.Opcode != opcode)
                {
                    continue;
                }

                if (requireSuccess && !answer.Succeeded)
                {
                    throw new BleException(BleErrorKind.Failed, $"the sensor answered \"{answer.StatusText}\"");
                }

                return answer;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BleException(BleErrorKind.Timeout, $"the sensor did not answer within {ResponseTimeout.TotalSeconds:0} s");
        }
    }
}
