using System.ComponentModel;
using Microsoft.AspNetCore.Components;
using NightLeg.Mobile.Localization;

namespace NightLeg.Mobile.Components;

/// <summary>A component bound to a view model: re-renders on the UI's own thread whenever the view model changes.</summary>
public abstract class ViewModelComponent<TViewModel> : ComponentBase, IDisposable
    where TViewModel : INotifyPropertyChanged
{
    [Inject]
    protected TViewModel ViewModel { get; set; } = default!;

    [CascadingParameter]
    protected Strings T { get; set; } = new(NightLeg.Domain.Guidance.Language.English);

    protected override void OnInitialized() => ViewModel.PropertyChanged += OnChanged;

    public virtual void Dispose()
    {
        ViewModel.PropertyChanged -= OnChanged;
        (ViewModel as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void OnChanged(object? sender, PropertyChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);
}
