using System.Text.Json.Serialization;

namespace NightLeg.Sync.Ble.Relay;

/// <summary>What a <see cref="RelayEvent"/> says; on the wire in lower case, as relay.js writes it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelayEventKind>))]
public enum RelayEventKind
{
    /// <summary>The phone's link to the wearable came up (with its name and services).</summary>
    [JsonStringEnumMemberName("connected")]
    Connected,

    /// <summary>The link went down.</summary>
    [JsonStringEnumMemberName("disconnected")]
    Disconnected,

    /// <summary>A notification: phone time, characteristic, bytes.</summary>
    [JsonStringEnumMemberName("notify")]
    Notify,

    /// <summary>The answer to a command.</summary>
    [JsonStringEnumMemberName("reply")]
    Reply,
}

/// <summary>What a <see cref="RelayCommand"/> asks of the page; on the wire in lower case, as relay.js reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelayOp>))]
public enum RelayOp
{
    /// <summary>Find a characteristic.</summary>
    [JsonStringEnumMemberName("char")]
    Char,

    /// <summary>Read a characteristic.</summary>
    [JsonStringEnumMemberName("read")]
    Read,

    /// <summary>Write bytes to a characteristic.</summary>
    [JsonStringEnumMemberName("write")]
    Write,

    /// <summary>Start notifications.</summary>
    [JsonStringEnumMemberName("subscribe")]
    Subscribe,

    /// <summary>Stop notifications.</summary>
    [JsonStringEnumMemberName("unsubscribe")]
    Unsubscribe,

    /// <summary>Drop the link and make it again.</summary>
    [JsonStringEnumMemberName("reconnect")]
    Reconnect,

    /// <summary>Say again whether the wearable is connected.</summary>
    [JsonStringEnumMemberName("hello")]
    Hello,
}

/// <summary>
/// What the phone's page sends, in order, each with its sequence number: its link to the wearable
/// came up (<c>connected</c>, with name and services) or went down (<c>disconnected</c>); a
/// notification (<c>notify</c>: phone time in ms, characteristic, bytes); or the answer to a command
/// (<c>reply</c>). Immutable.
/// </summary>
/// <param name="Seq">1, 2, 3, … per relay; a number seen before is ignored (sent again after a lost answer).</param>
/// <param name="Kind">What happened.</param>
/// <param name="T">Phone time, ms since 1970 (notify).</param>
/// <param name="C">Characteristic UUID (notify).</param>
/// <param name="V">Bytes, base64 (notify, and a read's reply).</param>
/// <param name="Name">The wearable's name (connected).</param>
/// <param name="Services">Its service UUIDs (connected).</param>
/// <param name="Id">The command answered (reply).</param>
/// <param name="Error">What went wrong, for a failed command or a lost link.</param>
/// <param name="NotFound">The characteristic does not exist (reply).</param>
public sealed record RelayEvent(long Seq, RelayEventKind Kind, long? T = null, string? C = null, string? V = null, string? Name = null, string[]? Services = null,
    int? Id = null, string? Error = null, bool NotFound = false);

/// <summary>
/// What the server asks the page to do on the wearable (<see cref="RelayOp"/>). Immutable.
/// </summary>
/// <param name="Id">Answered by a <c>reply</c> event with this id.</param>
/// <param name="Op">The operation.</param>
/// <param name="S">Service UUID.</param>
/// <param name="C">Characteristic UUID.</param>
/// <param name="V">Bytes to write, base64.</param>
public sealed record RelayCommand(int Id, RelayOp Op, string? S = null, string? C = null, string? V = null);

/// <summary>What the server answers to a batch of events: the highest sequence number it has taken (everything up to it may be forgotten by the page).</summary>
/// <param name="Ack">The highest sequence number taken.</param>
public sealed record RelayAck(long Ack);
