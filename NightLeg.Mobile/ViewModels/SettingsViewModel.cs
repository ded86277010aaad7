using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>Settings: language, sensitivity, prompt sound, the device, where the data is, export. UI-neutral.</summary>
public sealed partial class SettingsViewModel(ISettingsRepository settings, IDeviceRepository devices, string databasePath) : ObservableObject
{
    [ObservableProperty]
    public partial Language? Language { get; set; }

    [ObservableProperty]
    public partial Sensitivity Sensitivity { get; set; }

    /// <summary>Sound and vibration with a prompt (only for motion-corroborated awakenings); off by default.</summary>
    [ObservableProperty]
    public partial bool PromptSound { get; set; }

    [ObservableProperty]
    public partial PairedDevice? Device { get; set; }

    [ObservableProperty]
    public partial bool Saved { get; set; }

    public string DatabasePath { get; } = databasePath;

    public void Load()
    {
        var current = settings.Get();
        Language = current.Language;
        Sensitivity = current.Sensitivity;
        PromptSound = current.PromptSound;
        Device = devices.GetPaired();
        Saved = false;
    }

    [RelayCommand]
    private void Save()
    {
        settings.Save(settings.Get() with { Language = Language, Sensitivity = Sensitivity, PromptSound = PromptSound });
        Saved = true;
    }
}
