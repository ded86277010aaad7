using System.Text.Json;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices;

/// <summary>
/// A characteristic a family streams, owned by that family's folder: its UUID, the name
/// <c>nightleg decode --profile</c> takes, how its notifications become samples (a decoder per
/// pipeline, holding whatever stream state decoding needs) and how one payload reads as JSON.
/// The pipeline, <c>decode</c> and replay learn every profile from <see cref="DeviceFamilies"/>.
/// Implementations are immutable and thread-safe; the decoders they create are not.
/// </summary>
public abstract class GattProfile(string name, Guid service, Guid characteristic)
{
    /// <summary>The decode profile's name (<c>heart-rate</c>, <c>polar-pmd</c>, …).</summary>
    public string Name { get; } = name;

    /// <summary>The service it belongs to (what a Web Bluetooth page must ask for to reach it).</summary>
    public Guid Service { get; } = service;

    /// <summary>The characteristic's UUID.</summary>
    public Guid Characteristic { get; } = characteristic;

    /// <summary>A decoder for one pipeline; profiles that share stream state (a control point and its data) share it through <paramref name="scope"/>.</summary>
    public abstract IStreamDecoder CreateDecoder(DecoderScope scope);

    /// <summary>Writes one payload as a JSON object; returns why it does not decode instead (nothing written then).</summary>
    public abstract string? WriteJson(ReadOnlySpan<byte> payload, DecodeOptions options, Utf8JsonWriter json);

    /// <summary>
    /// A profile whose notifications decode one by one, without stream state: <paramref name="decode"/>
    /// the bytes, <paramref name="emit"/> the samples, <paramref name="json"/> the fields for <c>decode</c>.
    /// </summary>
    public static GattProfile Stateless<T>(string name, Guid service, Guid characteristic, Func<ReadOnlySpan<byte>, DecodeResult<T>> decode,
        Action<GattNotification, T, ISampleSink> emit, Action<Utf8JsonWriter, T> json) =>
        new StatelessProfile<T>(name, service, characteristic, decode, emit, json);

    /// <summary>Writes a decoded value as an object, or returns the decode error's message.</summary>
    public static string? WriteObject<T>(Utf8JsonWriter json, DecodeResult<T> result, Action<Utf8JsonWriter, T> write)
    {
        if (!result.IsSuccess)
        {
            return result.Error.Message;
        }

        json.WriteStartObject();
        write(json, result.Value);
        json.WriteEndObject();
        return null;
    }

    private sealed class StatelessProfile<T>(string name, Guid service, Guid characteristic, Func<ReadOnlySpan<byte>, DecodeResult<T>> decode,
        Action<GattNotification, T, ISampleSink> emit, Action<Utf8JsonWriter, T> json) : GattProfile(name, service, characteristic), IStreamDecoder
    {
        public override IStreamDecoder CreateDecoder(DecoderScope scope) => this;

        public override string? WriteJson(ReadOnlySpan<byte> payload, DecodeOptions options, Utf8JsonWriter writer) => WriteObject(writer, decode(payload), json);

        public DecodeError? Decode(in GattNotification notification, ISampleSink output)
        {
            var result = decode(notification.Payload.Span);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            emit(notification, result.Value, output);
            return null;
        }
    }
}
