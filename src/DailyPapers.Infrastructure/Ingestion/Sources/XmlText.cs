using System.Xml.Linq;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Element look-ups by local name. arXiv's feeds moved their namespace declarations around between layouts
/// (per element in 2019, on the root in 2025) and their element names are unambiguous within a record.
/// </summary>
internal static class XmlText
{
    public static XElement? Child(this XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(this XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The child's text, or null when it is missing or blank.</summary>
    public static string? ChildText(this XElement parent, string localName) => Text(parent.Child(localName));

    public static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value;

    public static string? AttributeText(this XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    public static int? ChildInt(this XElement parent, string localName) =>
        int.TryParse(parent.ChildText(localName)?.Trim(), out var value) ? value : null;
}
