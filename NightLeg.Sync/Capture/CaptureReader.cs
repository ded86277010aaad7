using System.Globalization;
using System.Text;
using NightLeg.Sync.Ble;

namespace NightLeg.Sync.Capture;

/// <summary>
/// Streams a <c>nightleg-capture 1</c> file record by record in constant memory. A malformed line
/// throws <see cref="CaptureFormatException"/> naming its line; a last line cut off mid-record
/// (no final newline, as a crash leaves it) is skipped and reported in <see cref="Warnings"/>.
/// Not thread-safe.
/// </summary>
public sealed class CaptureReader : IDisposable
{
    /// <summary>
    /// The longest line read: a record is at most 13 + 1 + 36 + 1 + 2 × 512 characters, a header
    /// line far less. A longer line (a file that is not a capture, or a damaged one) is refused
    /// naming it, without reading the rest of it into memory.
    /// </summary>
    public const int MaxLineLength = 4096;

    /// <summary>Earliest record time accepted (2000-01-01): a capture is a recording made by NightLeg.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Latest record time accepted (2100-01-01).</summary>
    public static readonly DateTimeOffset LatestTime = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _pending = new();
    private readonly List<string> _warnings = [];
    private int _start;
    private int _end;
    private long _lineNumber;
    private long _lastMs = long.MinValue;
    private bool _eof;

    /// <summary>Reads from <paramref name="reader"/>; the header is read at once.</summary>
    public CaptureReader(TextReader reader)
    {
        _reader = reader;
        Header = ReadHeader();
    }

    /// <summary>The capture's header.</summary>
    public CaptureHeader Header { get; }

    /// <summary>Warnings so far (a truncated last line).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Records read so far.</summary>
    public long Records { get; private set; }

    /// <summary>Opens a capture file.</summary>
    public static CaptureReader Open(string path) =>
        new(new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16), Encoding.UTF8, false, 1 << 16));

    /// <summary>The records, in file order, read lazily.</summary>
    public IEnumerable<GattNotification> ReadAll()
    {
        while (TryRead(out var notification))
        {
            yield return notification;
        }
    }

    /// <summary>Reads the next record; false at the end.</summary>
    public bool TryRead(out GattNotification notification)
    {
        while (NextLine(out var line, out var terminated))
        {
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            if (TryParse(text, out notification, out var error))
            {
                Records++;
                return true;
            }

            if (!terminated)
            {
                _warnings.Add($"line {_lineNumber}: the last line is cut off ({error}); skipped — the recording probably ended in a crash");
                break;
            }

            throw new CaptureFormatException(_lineNumber, error);
        }

        notification = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private bool TryParse(ReadOnlySpan<char> text, out GattNotification notification, out string error)
    {
        notification = default;
        var first = text.IndexOf(',');
        var second = first < 0 ? -1 : text[(first + 1)..].IndexOf(',');
        if (first < 0 || second < 0)
        {
            error = "expected <unix-ms>,<characteristic uuid>,<hex payload>";
            return false;
        }

        second += first + 1;
        var timeText = text[..first];
        var uuidText = text[(first + 1)..second];
        var hexText = text[(second + 1)..];
        if (!long.TryParse(timeText, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            error = $"\"{timeText}\" is not a time in unix milliseconds";
            return false;
        }

        if (ms < _lastMs)
        {
            error = $"time {ms} is before the previous record's {_lastMs}; records must be in time order";
            return false;
        }

        if (uuidText.Length != 36 || !Guid.TryParseExact(uuidText, "D", out var uuid))
        {
            error = $"\"{uuidText}\" is not a 128-bit characteristic UUID";
            return false;
        }

        if (hexText.Length > 2 * GattNotification.MaxPayloadBytes)
        {
            error = $"the payload is {hexText.Length / 2} bytes; a notification carries at most {GattNotification.MaxPayloadBytes}";
            return false;
        }

        if (hexText.Length % 2 != 0)
        {
            error = $"the payload has an odd number of hex digits ({hexText.Length})";
            return false;
        }

        byte[] payload;
        try
        {
            payload = Convert.FromHexString(hexText);
        }
        catch (FormatException)
        {
            error = "the payload is not hexadecimal";
            return false;
        }

        if (ms < EarliestTime.ToUnixTimeMilliseconds() || ms >= LatestTime.ToUnixTimeMilliseconds())
        {
            error = $"time {ms} is not between 2000 and 2100 (unix milliseconds)";
            return false;
        }

        _lastMs = ms;
        notification = new GattNotification(DateTimeOffset.FromUnixTimeMilliseconds(ms), uuid, payload);
        error = string.Empty;
        return true;
    }

    private CaptureHeader ReadHeader()
    {
        if (!NextLine(out var first, out _) || first.Trim() != CaptureHeader.MagicLine)
        {
            throw new CaptureFormatException(1, $"not a capture: the first line must be \"{CaptureHeader.MagicLine}\"");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (PeekIsComment())
        {
            NextLine(out var line, out _);
            var body = line.TrimStart('#').Trim();
            var colon = body.IndexOf(':');
            if (colon > 0)
            {
                fields[body[..colon].Trim().ToLowerInvariant()] = body[(colon + 1)..].Trim();
            }
        }

        return new CaptureHeader(fields);
    }

    private bool PeekIsComment()
    {
        if (_start >= _end && !Fill())
        {
            return false;
        }

        return _buffer[_start] == '#';
    }

    private bool NextLine(out string line, out bool terminated)
    {
        _pending.Clear();
        while (true)
        {
            if (_start >= _end && !Fill())
            {
                terminated = false;
                if (_pending.Length == 0)
                {
                    line = string.Empty;
                    return false;
                }

                _lineNumber++;
                line = _pending.ToString();
                return true;
            }

            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var take = (newline >= 0 ? newline : _end) - _start;
            if (_pending.Length + take > MaxLineLength)
            {
                throw new CaptureFormatException(_lineNumber + 1, $"the line is longer than {MaxLineLength:N0} characters, which no capture line is");
            }

            if (newline >= 0)
            {
                _pending.Append(_buffer, _start, newline - _start);
                _start = newline + 1;
                _lineNumber++;
                terminated = true;
                line = _pending.ToString();
                return true;
            }

            _pending.Append(_buffer, _start, _end - _start);
            _start = _end;
        }
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        _eof = _end == 0;
        return !_eof;
    }
}
