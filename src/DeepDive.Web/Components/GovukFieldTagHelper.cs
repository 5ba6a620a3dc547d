using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DeepDive.Web.Components;

/// <summary>
/// A GOV.UK text input or textarea bound to a model property: label, hint, the error message from model state
/// against the field, and the error styling. <c>&lt;govuk-field for="Input.Email" label="Email address" type="email" /&gt;</c>.
/// The field's id is the one the error summary links to.
/// </summary>
[HtmlTargetElement("govuk-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>text, email, password, number, date, or textarea.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A width class such as govuk-input--width-20, or for a textarea its rows.</summary>
    public string? Width { get; set; }

    public int Rows { get; set; } = 5;

    /// <summary>The label as the page's heading (one question per page).</summary>
    public bool IsPageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Under a partial's field prefix (Input.Sections[0]) the field's full name, as the form posts it.
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = FieldIds.Of(name);
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var error = errors is { Count: > 0 } ? errors[0].ErrorMessage : null;
        var value = entry?.AttemptedValue ?? (Type == "password" ? "" : For.Model?.ToString() ?? "");
        var enc = HtmlEncoder.Default;
        var described = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"govuk-label{(IsPageHeading ? " govuk-label--l" : "")}\" for=\"{id}\">{enc.Encode(Label)}</label>";
        html.Append(IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null)
        {
            html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            described.Add($"{id}-hint");
        }

        if (error is not null)
        {
            html.Append($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(error)}</p>");
            described.Add($"{id}-error");
        }

        var aria = described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "";
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{enc.Encode(Autocomplete)}\"";
        if (Type == "textarea")
        {
            html.Append($"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{enc.Encode(name)}\" rows=\"{Rows}\"{aria}>{enc.Encode(value)}</textarea>");
        }
        else
        {
            var widthClass = Width is null ? "" : " " + Width;
            html.Append($"<input class=\"govuk-input{widthClass}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{enc.Encode(name)}\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value)}\"{aria}{auto}{(Type == "email" ? " spellcheck=\"false\"" : "")}>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>The id of a field from its model name (Input.Email → Input_Email): what the error summary links to.</summary>
public static class FieldIds
{
    public static string Of(string modelName) => TagBuilder.CreateSanitizedId(modelName, "_");
}
