using System.Text.Json;

namespace NightLeg.Sync.Export;

/// <summary>Reading an export: a forward-only pass over the file, one value at a time, in bounded memory.</summary>
public sealed partial class NightLegImport
{
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
                            onNight(Night());
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
            (var token, name) = Whole(static (ref Utf8JsonReader reader, out (JsonTokenType, string?) read) =>
            {
                read = reader.Read() ? (reader.TokenType, reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null) : default;
                return read != default;
            });
            return token;
        }

        private JsonTokenType Peek() =>
            Whole(static (ref Utf8JsonReader reader, out JsonTokenType token) =>
            {
                token = reader.Read() ? reader.TokenType : JsonTokenType.None;
                return token != JsonTokenType.None;
            }, consume: false);

        /// <summary>The next night, once its whole text is in the buffer (its seconds read off the text, not through a document).</summary>
        private ExportedNight Night() =>
            Whole((ref Utf8JsonReader reader, out ExportedNight night) =>
            {
                night = null!;
                if (!reader.Read())
                {
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                night = ExportJson.ReadNight(_buffer.AsSpan(_consumed + start, (int)reader.BytesConsumed - start));
                return true;
            });

        /// <summary>The next whole value (an object, array or scalar), once it is all in the buffer.</summary>
        private JsonDocument Value() =>
            // Positioned on the value's first token first: parsing from "no token yet" loses the reader's place in the array.
            Whole(static (ref Utf8JsonReader reader, out JsonDocument document) =>
            {
                document = null!;
                return reader.Read() && JsonDocument.TryParseValue(ref reader, out document!);
            });

        private delegate bool Attempt<T>(ref Utf8JsonReader reader, out T result);

        /// <summary>
        /// The one way every read goes: <paramref name="attempt"/> on what is buffered; when it needs more, the buffer
        /// is filled and it tries again from the same place. Consumes what it read (unless only peeking); a fault in the
        /// JSON becomes one line naming where.
        /// </summary>
        private T Whole<T>(Attempt<T> attempt, bool consume = true)
        {
            try
            {
                while (true)
                {
                    var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
                    if (attempt(ref reader, out var result))
                    {
                        if (consume)
                        {
                            _consumed += (int)reader.BytesConsumed;
                            _state = reader.CurrentState;
                        }

                        return result;
                    }

                    if (!Fill())
                    {
                        throw new FormatException("the file ends early (truncated?)");
                    }
                }
            }
            catch (JsonException e)
            {
                throw Fault(e);
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
