using NightLeg.Sync.Devices;
using NightLeg.Sync.Integrations;

namespace NightLeg.Mobile.Localization;

/// <summary>What went wrong below the app (a sensor, a broker), said in the user's language: Sync gives a kind and a technical detail, the app words the kind.</summary>
public sealed partial class Strings
{
    /// <summary>Why movement is not recorded: "the sensor refused to start the accelerometer at 25 Hz (device in charger)".</summary>
    public string Problem(MovementProblem problem) => Format($"movement.{problem.Kind}", problem.Detail);

    /// <summary>Why Home Assistant cannot be reached: "the broker mqtt://… refused the user name or password".</summary>
    public string Problem(HomeAssistantProblem problem) => Format($"ha.problem.{problem.Kind}", problem.Broker, problem.Detail);

    /// <summary>The words for every kind.</summary>
    private static Dictionary<string, (string En, string Nb)> Problems() => new()
    {
        ["movement.NoMeasurementService"] = ("this sensor offers no Polar measurement service", "denne sensoren har ingen Polar-måletjeneste"),
        ["movement.NoAccelerometerRate"] = ("the sensor offers no accelerometer rate", "sensoren tilbyr ingen frekvens for akselerometeret"),
        ["movement.Refused"] = ("the sensor refused to start the accelerometer at {0}", "sensoren nektet å starte akselerometeret på {0}"),
        ["movement.StartFailed"] = ("the accelerometer could not be started ({0})", "akselerometeret kunne ikke startes ({0})"),
        ["movement.NoMotionService"] = ("this watch has no motion service: update it to InfiniTime 1.7 or later", "denne klokken har ingen bevegelsestjeneste: oppdater den til InfiniTime 1.7 eller nyere"),
        ["movement.MotionServiceSilent"] = ("the watch's motion service did not answer ({0})", "klokkens bevegelsestjeneste svarte ikke ({0})"),
        ["ha.problem.Credentials"] = ("the broker {0} refused the user name or password", "megleren {0} avviste brukernavnet eller passordet"),
        ["ha.problem.Refused"] = ("the broker {0} refused the connection ({1})", "megleren {0} avviste tilkoblingen ({1})"),
        ["ha.problem.NothingAnswers"] = ("nothing answers at {0} (connection refused)", "ingenting svarer på {0} (tilkobling avvist)"),
        ["ha.problem.Unreachable"] = ("cannot reach {0}: {1}", "når ikke {0}: {1}"),
        ["ha.problem.Lost"] = ("the connection to {0} was lost", "tilkoblingen til {0} ble brutt"),
        ["ha.problem.Other"] = ("cannot connect to {0}: {1}", "kan ikke koble til {0}: {1}"),
    };
}
