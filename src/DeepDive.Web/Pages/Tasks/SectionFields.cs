using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>
/// The view data for one section of the answer form (_SectionAnswer): the page's own, under the field prefix
/// <c>Input.Sections[i]</c>, so that the partial binds its fields by property name (<c>for="Evidence"</c>). A model
/// expression through an index (<c>Input.Sections[i].Evidence</c>) cannot be cached, and compiling one on every view made
/// the task page several times slower than the other pages (measured with <c>deepdive bench web</c>).
/// </summary>
public static class SectionFields
{
    public static ViewDataDictionary Of(ViewDataDictionary page, int index)
    {
        var fields = new ViewDataDictionary(page);
        fields.TemplateInfo.HtmlFieldPrefix = $"Input.Sections[{index}]";
        return fields;
    }
}
