namespace NightLeg.Sync.Devices;

/// <summary>
/// What the decoders of one pipeline share: stream state learnt on one characteristic and needed on
/// another (Polar's control-point answers set how its data frames decode), one instance per type.
/// Not thread-safe, as the pipeline it belongs to.
/// </summary>
public sealed class DecoderScope
{
    private readonly Dictionary<Type, object> _shared = [];

    /// <summary>This pipeline's <typeparamref name="T"/>, made on first use.</summary>
    public T Shared<T>()
        where T : class, new()
    {
        if (!_shared.TryGetValue(typeof(T), out var state))
        {
            _shared[typeof(T)] = state = new T();
        }

        return (T)state;
    }

    /// <summary>This pipeline's <typeparamref name="T"/> if a decoder made one, else null.</summary>
    public T? Find<T>()
        where T : class => _shared.TryGetValue(typeof(T), out var state) ? (T)state : null;
}
