namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>BlueZ D-Bus names (bluez.git doc/org.bluez.*.rst; ../shared/PROTOCOLS.md).</summary>
internal static class BlueZNames
{
    public const string Service = "org.bluez";
    public const string Adapter = "org.bluez.Adapter1";
    public const string Device = "org.bluez.Device1";
    public const string GattService = "org.bluez.GattService1";
    public const string GattCharacteristic = "org.bluez.GattCharacteristic1";
    public const string ObjectManager = "org.freedesktop.DBus.ObjectManager";
    public const string Properties = "org.freedesktop.DBus.Properties";
    public const string ErrorPrefix = "org.bluez.Error.";
}
