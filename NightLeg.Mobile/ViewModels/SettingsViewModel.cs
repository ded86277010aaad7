using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// Settings: language, sensitivity, prompt sound, the device, where the data is, export, and (in LAN
/// mode) the browsers let in, each with "sign out". UI-neutral.
/// </summary>
public sealed partial class SettingsViewModel(ISettingsRepository settings, IDeviceRepository devices, string databasePath, AccessTokens? access = null,
    ISleeperProfileRepository? sleeper = null) : ObservableObject
{
    /// <summary>What the answers taught so far (<see cref="SleeperLearning"/>): how many dismissed awakenings and confirmed cramps NightLeg goes by.</summary>
    [ObservableProperty]
    public partial SleeperLearning Learned { get; set; } = SleeperLearning.Nothing;

    /// <summary>True right after the user made NightLeg forget what it learned.</summary>
    [ObservableProperty]
    public partial bool Forgotten { get; set; }

    [ObservableProperty]
    public partial Language? Language { get; set; }

    [ObservableProperty]
    public partial Sensitivity Sensitivity { get; set; }

    /// <summary>Sound and vibration with a prompt (only once an awakening is plainly one in distress); off by default.</summary>
    [ObservableProperty]
    public partial bool PromptSound { get; set; }

    /// <summary>How run distances are shown.</summary>
    [ObservableProperty]
    public partial DistanceUnit Distance { get; set; }

    [ObservableProperty]
    public partial PairedDevice? Device { get; set; }

    [ObservableProperty]
    public partial bool Saved { get; set; }

    /// <summary>True once the sensitivity was changed here: it applies from the next start (the sound and the language at once).</summary>
    [ObservableProperty]
    public partial bool SensitivityChanged { get; set; }

    public string DatabasePath { get; } = databasePath;

    /// <summary>The newest automatic backup (file and when), or null when there is none yet.</summary>
    [ObservableProperty]
    public partial FileInfo? LastBackup { get; set; }

    /// <summary>The browsers let in on the local network (newest first); null when NightLeg listens on this machine only.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<SignedInBrowser>? Browsers { get; set; }

    public void Load()
    {
        var current = settings.Get();
        Language = current.Language;
        Sensitivity = current.Sensitivity;
        PromptSound = current.PromptSound;
        Distance = current.Distance;
        Device = devices.GetPaired();
        Browsers = access?.List();
        LastBackup = File.Exists(DatabasePath) ? DatabaseBackups.For(DatabasePath).Newest() : null;
        Learned = sleeper?.GetLearning() ?? SleeperLearning.Nothing;
        Saved = false;
        Forgotten = false;
    }

    /// <summary>Forgets what NightLeg learned about the sleeper (their heart, their movement, their answers): the next night starts as a first night.</summary>
    [RelayCommand]
    private void ForgetLearning()
    {
        sleeper?.Reset();
        Learned = SleeperLearning.Nothing;
        Forgotten = true;
    }

    /// <summary>Signs a browser out: it needs a new link (or, with --lan, a new access code) to come back.</summary>
    [RelayCommand]
    private void SignOut(string reference)
    {
        if (access is null)
        {
            return;
        }

        access.Revoke(reference);
        Browsers = access.List();
    }

    [RelayCommand]
    private void Save()
    {
        var before = settings.Get();
        settings.Save(before with { Language = Language, Sensitivity = Sensitivity, PromptSound = PromptSound, Distance = Distance });
        SensitivityChanged |= before.Sensitivity != Sensitivity;
        Saved = true;
    }
}
