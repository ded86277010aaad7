using NightLeg.Domain.Detection;
using NightLeg.Mobile.ViewModels;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Mobile.ViewModels;

/// <summary>Settings says what a change does (issue 20: the sound switch said "Sensitivity applies from the next start").</summary>
public sealed class SettingsViewModelTests
{
    [Fact]
    public void TheSoundSwitch_IsSavedWithoutARestartNote_ASensitivityChangeHasOne()
    {
        var store = new InMemorySettingsRepository();
        var vm = new SettingsViewModel(store, new InMemoryDeviceRepository(), "/tmp/nightleg.db");
        vm.Load();

        vm.PromptSound = true;
        vm.SaveCommand.Execute(null);

        Assert.True(store.Get().PromptSound);
        Assert.True(vm.Saved);
        Assert.False(vm.SensitivityChanged);

        vm.Sensitivity = Sensitivity.High;
        vm.SaveCommand.Execute(null);

        Assert.Equal(Sensitivity.High, store.Get().Sensitivity);
        Assert.True(vm.SensitivityChanged);
    }
}
