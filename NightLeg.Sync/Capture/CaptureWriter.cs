using System.Globalization;
using NightLeg.Sync.Ble;

namespace NightLeg.Sync.Capture;

/// <summary>
/// Writes a <c>nightleg-capture 1</c> file: the header, then one
/// <c>unix-ms,uuid,hex</c> line per notification, in the order written. Not thread-safe.
/// </summary>
public sealed class CaptureWriter : IDisposable, IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly char[] _line = new char[64 + (2 * 512)];
    private long _lastMs = long.MinValue;

    /// <summary>Writes to <paramref name="writer"/>; the header goes out at once.</summary>
    public CaptureWriter(TextWriter writer, CaptureHeader header, bool ownsWriter = true)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _writer.Write(CaptureHeader.MagicLine);
        _writer.Write('\n');
        foreach (var (key, value) in header.Fields)
        {
            _writer.Write($"# {key}: {value}\n");
        }
    }

    /// <summary>Records written.</summary>
    public long Records { get; private set; }

    /// <summary>Creates (or replaces) a capture file, owner-only (a capture of a live night is health data).</summary>
    public static CaptureWriter Create(string path, CaptureHeader header)
    {
        var stream = Storage.OwnerOnly.Create(path, 1 << 16, FileShare.Read);
        return new CaptureWriter(new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" }, header);
    }

    /// <summary>Appends one record. Records must come in time order.</summary>
    public void Write(in GattNotification notification)
    {
        var ms = notification.ReceivedAt.ToUnixTimeMilliseconds();
        if (ms < _lastMs)
        {
            throw new ArgumentException($"capture records must be in time order: {ms} after {_lastMs}", nameof(notification));
        }

        _lastMs = ms;
        var payload = notification.Payload.Span;
        var needed = 20 + 1 + 36 + 1 + (payload.Length * 2);
        var buffer = needed <= _line.Length ? _line : new char[needed];
        var span = buffer.AsSpan();
        ms.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        span[n++] = ',';
        notification.Characteristic.TryFormat(span[n..], out var u, "D");
        n += u;
        span[n++] = ',';
        for (var i = 0; i < payload.Length; i++)
        {
            span[n++] = Hex[payload[i] >> 4];
            span[n++] = Hex[payload[i] & 0xF];
        }

        _writer.Write(buffer, 0, n);
        _writer.Write('\n');
        Records++;
    }

    /// <summary>Pushes what is buffered to the operating system (a crash then loses nothing written so far).</summary>
    public void Flush() => _writer.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Flush();
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        if (_ownsWriter)
        {
            await _writer.DisposeAsync();
        }
    }

    private static ReadOnlySpan<char> Hex => "0123456789abcdef";
}
