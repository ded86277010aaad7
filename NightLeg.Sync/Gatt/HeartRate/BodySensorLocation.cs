namespace NightLeg.Sync.Gatt.HeartRate;

/// <summary>Body Sensor Location 0x2A38 values.</summary>
public enum BodySensorLocation
{
    /// <summary>0: other.</summary>
    Other = 0,

    /// <summary>1: chest.</summary>
    Chest = 1,

    /// <summary>2: wrist.</summary>
    Wrist = 2,

    /// <summary>3: finger.</summary>
    Finger = 3,

    /// <summary>4: hand.</summary>
    Hand = 4,

    /// <summary>5: ear lobe.</summary>
    EarLobe = 5,

    /// <summary>6: foot.</summary>
    Foot = 6,
}
