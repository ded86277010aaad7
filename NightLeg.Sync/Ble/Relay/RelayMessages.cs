namespace NightLeg.Sync.Ble.Relay;

/// <summary>
/// What the phone's page sends, in order, each with its sequence number: its link to the wearable
/// came up (<c>connected</c>, with name and services) or went down (<c>disconnected</c>); a
/// notification (<c>notify</c>: phone time in ms, characteristic, bytes); or the answer to a command
/// (<c>reply</c>). Immutable.
/// </summary>
/// <param name="Seq">1, 2, 3, … per relay; a number seen before is ignored (sent again after a lost answer).</param>
/// <param name="Kind"><c>connected</c>, <c>disconnected</c>, <c>notify</c> or <c>reply</c>.</param>
/// <param name="T">Phone time, ms since 1970 (notify).</param>
/// <param name="C">Characteristic UUID (notify).</param>
/// <param name="V">Bytes, base64 (notify, and a read's reply).</param>
/// <param name="Name">The wearable's name (connected).</param>
/// <param name="Services">Its service UUIDs (connected).</param>
/// <param name="Id">The command answered (reply).</param>
/// <param name="Error">What went wrong, for a failed command or a lost link.</param>
/// <param name="NotFound">The characteristic does not exist (reply).</param>
public sealed record RelayEvent(long Seq, string Kind, long? T = null, string? C = null, string? V = null, string? Name = null, string[]? Services = null,
    int? Id = null, string? Error = null, bool NotFound = false);

/// <summary>
/// What the server asks the page to do on the wearable: <c>char</c> (find a characteristic),
/// <c>read</c>, <c>write</c>, <c>subscribe</c>, <c>unsubscribe</c>, <c>reconnect</c> (drop the link and
/// make it again), <c>hello</c> (say again whether it is connected). Immutable.
/// </summary>
/// <param name="Id">Answered by a <c>reply</c> event with this id.</param>
/// <param name="Op">The operation.</param>
/// <param name="S">Service UUID.</param>
/// <param name="C">Characteristic UUID.</param>
/// <param name="V">Bytes to write, base64.</param>
public sealed record RelayCommand(int Id, string Op, string? S = null, string? C = null, string? V = null);

/// <summary>What the server answers to a batch of events: the highest sequence number it has taken (everything up to it may be forgotten by the page).</summary>
/// <param name="Ack">The highest sequence number taken.</param>
public sealed record RelayAck(long Ack);
