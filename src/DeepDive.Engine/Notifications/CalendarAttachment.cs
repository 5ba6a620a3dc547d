using DeepDive.Domain.Notifications;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DeepDive.Engine.Notifications;

/// <summary>Writes a notification's deadline or event as an iCalendar document (RFC 5545) for an .ics attachment.</summary>
public static class CalendarAttachment
{
    public const string ProductId = "-//DeepDive//Audit programme//EN";

    public static string Write(CalendarEntry entry, DateTime stampUtc)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        var start = DateTime.SpecifyKind(entry.StartUtc, DateTimeKind.Utc);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = entry.Uid,
            Summary = entry.Summary,
            Description = entry.Description,
            DtStart = new CalDateTime(start, "UTC"),
            DtEnd = new CalDateTime(start + entry.Duration, "UTC"),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), "UTC"),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar entry could not be written.");
    }
}
