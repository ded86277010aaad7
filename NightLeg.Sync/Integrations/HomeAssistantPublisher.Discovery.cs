using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Live;

namespace NightLeg.Sync.Integrations;

/// <summary>Home Assistant's MQTT discovery: the entities NightLeg announces and their options.</summary>
public sealed partial class HomeAssistantPublisher
{
    /// <summary>The discovery config of each entity, by topic (public for the docs and the tests).</summary>
    public IReadOnlyList<(string Topic, string Payload)> DiscoveryConfigs()
    {
        var id = _settings.Get().InstanceId!;
        var node = $"nightleg_{id}";
        var device = new Dictionary<string, object?>
        {
            ["identifiers"] = new[] { node },
            ["name"] = "NightLeg",
            ["manufacturer"] = "NightLeg",
            ["model"] = _session.Status.DeviceName ?? "NightLeg",
            ["sw_version"] = Version,
        };
        Dictionary<string, object?> Entity(string key, string name, string icon) => new()
        {
            ["name"] = name,
            ["unique_id"] = $"{node}_{key}",
            ["object_id"] = $"nightleg_{key}",
            ["availability_topic"] = $"{BaseTopic}/availability",
            ["device"] = device,
            ["icon"] = icon,
        };

        var awakening = Entity("awakening", "Awakening", "mdi:sleep-off");
        awakening["state_topic"] = $"{BaseTopic}/event";
        awakening["event_types"] = new[] { "awakening", "cramp" };
        var asleep = Entity("asleep", "Asleep", "mdi:sleep");
        asleep["state_topic"] = $"{BaseTopic}/asleep";
        asleep["payload_on"] = "ON";
        asleep["payload_off"] = "OFF";
        var heartRate = Entity("heart_rate", "Heart rate", "mdi:heart-pulse");
        heartRate["state_topic"] = $"{BaseTopic}/heart_rate";
        heartRate["unit_of_measurement"] = "bpm";
        heartRate["state_class"] = "measurement";
        var battery = Entity("battery", "Wearable battery", "mdi:battery");
        battery["state_topic"] = $"{BaseTopic}/battery";
        battery["unit_of_measurement"] = "%";
        battery["device_class"] = "battery";
        battery["state_class"] = "measurement";
        var cramps = Entity("cramps_last_night", "Cramps last night", "mdi:counter");
        cramps["state_topic"] = $"{BaseTopic}/cramps_last_night";
        return
        [
            ($"{DiscoveryPrefix}/event/{node}/awakening/config", Json(awakening)),
            ($"{DiscoveryPrefix}/binary_sensor/{node}/asleep/config", Json(asleep)),
            ($"{DiscoveryPrefix}/sensor/{node}/heart_rate/config", Json(heartRate)),
            ($"{DiscoveryPrefix}/sensor/{node}/battery/config", Json(battery)),
            ($"{DiscoveryPrefix}/sensor/{node}/cramps_last_night/config", Json(cramps)),
        ];
    }

    private MqttClientOptions Options(MqttBroker broker)
    {
        var builder = new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"nightleg-{_settings.Get().InstanceId}")
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithWillTopic($"{BaseTopic}/availability")
            .WithWillPayload("offline")
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (broker.User is not null)
        {
            builder = builder.WithCredentials(broker.User, broker.Password ?? string.Empty);
        }

        if (broker.Tls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls());
        }

        return builder.Build();
    }
}
