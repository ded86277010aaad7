using System.Text.Json;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Files;

namespace NightLeg.Sync.Export;

/// <summary>
/// Restores a <c>nightleg-export</c> file into a database. The whole file is read and checked first
/// (streamed night by night, so memory stays bounded by the largest night); only a file that reads
/// to its end without a fault is imported, so a truncated, foreign or future file changes nothing.
/// Into a fresh database everything is restored exactly (export → import → export gives the same
/// bytes). Into one that already holds some of it nothing is doubled: what is there and the same is
/// skipped, what is there and different is kept as stored and reported as a conflict.
/// </summary>
public sealed class NightLegImport(INightRepository nights, ICrampEventRepository events, IEpochRepository epochs, IDiaryRepository diaries,
    ISettingsRepository settings, IDeviceRepository devices, ISleeperProfileRepository sleeper)
{
    /// <summary>The largest single night accepted (a night of seconds is ≈1–2 MB of JSON).</summary>
    public const int MaxNightBytes = 64 << 20;

    /// <summary>Checks the file (throws <see cref="FileRefusedException"/> naming the problem), then imports it.</summary>
    public ImportResult Import(string path) => Import(path, Check(path));

    /// <summary>Reads the whole file, storing nothing: its header, or <see cref="FileRefusedException"/> naming the problem.</summary>
    public static ExportHeader Check(string path) => Read(path, _ => { });

    /// <summary>Imports a file <see cref="Check"/> read to its end (giving <paramref name="header"/>): read once more, to store it.</summary>
    public ImportResult Import(string path, ExportHeader header)
    {
        var result = new ImportResult();
        if (nights.List(DateOnly.MinValue, DateOnly.MaxValue).Count == 0 && events.List(DateOnly.MinValue, DateOnly.MaxValue).Count == 0)
        {
            // A fresh database takes the settings, the device and the sleeper profile too.
            if (header.Settings is { } s)
            {
                settings.Save(s);
            }

            if (header.Device is { } d && devices.GetPaired() is null)
            {
                devices.SavePaired(d);
            }

            if (header.Sleeper is { } p && sleeper.Get() is null)
            {
                sleeper.Save(p);
                if (header.Learning is { } learning)
                {
                    sleeper.SaveLearning(learning);
                }
            }
        }

        Read(path, night => Apply(night, result));
        return result;
    }

    /// <summary>
    /// One night, all or nothing across a crash: its seconds, diary and events first (each stored idempotently:
    /// seconds by the minute, the rest by id), the night's record last — the mark that it is complete. A
    /// kill -9 in between leaves no record, so importing again completes it instead of calling it "there already".
    /// </summary>
    private void Apply(ExportedNight night, ImportResult result)
    {
        var stored = night.Night is null ? null : nights.Get(night.Id);
        if (night.Night is { } recorded && stored is null && night.Seconds.Count > 0)
        {
            epochs.Append(night.Id, night.Seconds);
        }

        if (night.Diary is { } diary)
        {
            if (diaries.Get(night.Id) is not { } storedDiary)
            {
                diaries.Save(diary);
            }
            else if (storedDiary != diary)
            {
                result.Conflicts.Add($"night {night.Id}: the diary differs from the one stored (kept the stored one)");
            }
        }

        foreach (var cramp in night.Events)
        {
            if (events.Get(cramp.Id) is not { } storedEvent)
            {
                events.Save(cramp);
                result.Events++;
            }
            else if (!Same(storedEvent, cramp))
            {
                result.Conflicts.Add($"event {cramp.Id} ({ExportJson.Iso(cramp.At)}): differs from the one stored (kept the stored one)");
            }
        }

        if (night.Night is { } record)
        {
            if (stored is null)
            {
                nights.Save(record);
                result.Nights++;
                result.Seconds += night.Seconds.Count;
            }
            else if (Same(stored, record))
            {
                result.AlreadyThere++;
            }
            else
            {
                result.Conflicts.Add($"night {night.Id}: the recording differs from the one stored (kept the stored one)");
            }
        }
    }

    private static bool Same(Domain.Nights.Night a, Domain.Nights.Night b) =>
        a with { Gaps = [], PositionSeconds = null } == b with { Gaps = [], PositionSeconds = null } && a.Gaps.SequenceEqual(b.Gaps);

    private static bool Same(Domain.Cramps.CrampEvent a, Domain.Cramps.CrampEvent b) =>
        a with { Details = Domain.Cramps.CrampDetails.Empty } == b with { Details = Domain.Cramps.CrampDetails.Empty } &&
        a.Details with { WhatHelped = [] } == b.Details with { WhatHelped = [] } && a.Details.WhatHelped.SequenceEqual(b.Details.WhatHelped);

    /// <summary>Streams the file: the header, then each night handed to <paramref name="onNight"/>. Throws <see cref="FileRefusedException"/> for any fault.</summary>
    public static ExportHeader Read(string path, Action<ExportedNight> onNight)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileRefusedException($"{path}: {Storage.DatabaseFile.Reason(e)}", e);
        }

        using (stream)
        {
            try
            {
                return new Streamer(stream).Read(onNight);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or OverflowException)
            {
                var reason = e is JsonException json && json.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var cut and > 0 ? json.Message[..cut] : e.Message;
                throw new FileRefusedException($"{path} is not a NightLeg export that can be imported: {FirstLine(reason)}; nothing was imported", e);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('.');

    /// <summary>A forward-only reader over the file that hands over one top-level value at a time.</summary>
    private sealed class Streamer(Stream stream)
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _length;
        private int _consumed;
        private bool _final;
        private JsonReaderState _state;

        public ExportHeader Read(Action<ExportedNight> onNight)
        {
            Expect(JsonTokenType.StartObject);
            var header = new ExportHeader();
            var sawFormat = false;
            while (true)
            {
                var token = Next(out var name);
                if (token == JsonTokenType.EndObject)
                {
                    break;
                }

                if (token != JsonTokenType.PropertyName)
                {
                    throw new FormatException("expected a property");
                }

                switch (name)
                {
                    case "format":
                        using (var format = Value())
                        {
                            if (format.RootElement.GetString() != ExportJson.FormatName)
                            {
                                throw new FormatException($"format is \"{format.RootElement}\", not \"{ExportJson.FormatName}\"");
                            }
                        }

                        sawFormat = true;
                        break;
                    case "version":
                        using (var version = Value())
                        {
                            var v = version.RootElement.GetInt32();
                            if (v > ExportJson.Version)
                            {
                                throw new FormatException($"it was written by a newer NightLeg (export version {v}; this one reads up to {ExportJson.Version}) — update NightLeg");
                            }

                            if (v < ExportJson.Version)
                            {
                                throw new FormatException($"export version {v} is from before the diary; export again with this NightLeg");
                            }
                        }

                        break;
                    case "settings":
                        using (var s = Value())
                        {
                            header.Settings = ExportJson.ReadSettings(s.RootElement);
                        }

                        break;
                    case "device":
                        using (var d = Value())
                        {
                            header.Device = ExportJson.ReadDevice(d.RootElement);
                        }

                        break;
                    case "sleeper":
                        using (var p = Value())
                        {
                            (header.Sleeper, header.Learning) = ExportJson.ReadSleeper(p.RootElement);
                        }

                        break;
                    case "nights":
                        if (!sawFormat)
                        {
                            throw new FormatException("format must come first");
                        }

                        Expect(JsonTokenType.StartArray);
                        while (Peek() != JsonTokenType.EndArray)
                        {
                            using var night = Value();
                            onNight(ExportJson.ReadNight(night.RootElement));
                            header.Nights++;
                        }

                        Next(out _);
                        break;
                    default:
                        throw new FormatException($"unknown field \"{name}\"");
                }
            }

            return sawFormat ? header : throw new FormatException("no format field");
        }

        private void Expect(JsonTokenType expected)
        {
            if (Next(out _) != expected)
            {
                throw new FormatException($"expected {expected}");
            }
        }

        private long _dropped;

        /// <summary>Turns the reader's complaint into one line: where in the file, and "ends early" when the file ran out.</summary>
        private FormatException Fault(JsonException e)
        {
            var message = e.Message;
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (at > 0 ? message[..at] : message).TrimEnd('.');
            var offset = _dropped + _consumed + (e.BytePositionInLine ?? 0);
            return _final && _consumed + (e.BytePositionInLine ?? 0) >= _length - 1
                ? new FormatException($"the file ends early (truncated?) at byte {offset:N0}", e)
                : new FormatException($"{message} at byte {offset:N0}", e);
        }

        private JsonTokenType Next(out string? name)
        {
            try
            {
                return NextToken(out name);
            }
            catch (JsonException e)
            {
                throw Fault(e);
            }
        }

        private JsonTokenType NextToken(out string? name)
        {
            while (true)
            {
                var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
                if (reader.Read())
                {
                    name = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                    _consumed += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    return reader.TokenType;
                }

                if (!Fill())
                {
                    throw new FormatException("the file ends early (truncated?)");
                }
            }
        }

        private JsonTokenType Peek()
        {
            try
            {
                return PeekToken();
            }
            catch (JsonException e)
            {
                throw Fault(e);
            }
        }

        private JsonTokenType PeekToken()
        {
            while (true)
            {
                var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
                if (reader.Read())
                {
                    return reader.TokenType;
                }

                if (!Fill())
                {
                    throw new FormatException("the file ends early (truncated?)");
                }
            }
        }

        /// <summary>The next whole value (an object, array or scalar), once it is all in the buffer.</summary>
        private JsonDocument Value()
        {
            try
            {
                return ParseValue();
            }
            catch (JsonException e)
            {
                throw Fault(e);
            }
        }

        private JsonDocument ParseValue()
        {
            while (true)
            {
                // Positioned on the value's first token first: parsing from "no token yet" loses the reader's place in the array.
                var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
                if (reader.Read() && JsonDocument.TryParseValue(ref reader, out var document))
                {
                    _consumed += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    return document;
                }

                if (!Fill())
                {
                    throw new FormatException("the file ends early (truncated?)");
                }
            }
        }

        /// <summary>Reads more: unconsumed bytes move to the front; the buffer grows for a large value, up to <see cref="MaxNightBytes"/>.</summary>
        private bool Fill()
        {
            if (_final)
            {
                return false;
            }

            if (_consumed > 0)
            {
                Buffer.BlockCopy(_buffer, _consumed, _buffer, 0, _length - _consumed);
                _length -= _consumed;
                _dropped += _consumed;
                _consumed = 0;
            }

            if (_length == _buffer.Length)
            {
                if (_buffer.Length >= MaxNightBytes)
                {
                    throw new FormatException($"one value is larger than {MaxNightBytes >> 20} MB, which no night is");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            _length += read;
            _final = read == 0;
            return true;
        }
    }
}
