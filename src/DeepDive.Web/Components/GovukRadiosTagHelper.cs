using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DeepDive.Web.Components;

/// <summary>
/// GOV.UK radios bound to a model property: a fieldset with its legend, hint, the error message from model state, and
/// one radio per item, the chosen one checked. <c>&lt;govuk-radios for="Input.Grade" legend="Overall grade" items="Model.Grades" /&gt;</c>.
/// The first radio's id is the field's id (<see cref="FieldIds.Of"/>), which the error summary links to.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = "";

    /// <summary>The legend's size: s, m, l or xl.</summary>
    public string LegendSize { get; set; } = "m";

    public string? Hint { get; set; }

    /// <summary>The choices: each a value and the label a person reads.</summary>
    public IEnumerable<KeyValuePair<string, string>> Items { get; set; } = [];

    /// <summary>Side by side (two short choices, or a scale); else one under the other.</summary>
    public bool Inline { get; set; }

    public bool Small { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.Of(name);
        var entry = ViewContext.ViewData.ModelState.TryGetValue(name, out var state) ? state : null;
        var error = entry?.Errors is { Count: > 0 } errors ? errors[0].ErrorMessage : null;
        var chosen = entry?.AttemptedValue ?? For.Model?.ToString();
        var enc = HtmlEncoder.Default;
        var described = new List<string>();
        var body = new StringBuilder();
        if (Hint is not null)
        {
            body.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            described.Add($"{id}-hint");
        }

        if (error is not null)
        {
            body.Append($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(error)}</p>");
            described.Add($"{id}-error");
        }

        var modifiers = (Inline ? " govuk-radios--inline" : "") + (Small ? " govuk-radios--small" : "");
        body.Append($"<div class=\"govuk-radios{modifiers}\" data-module=\"govuk-radios\">");
        var index = 0;
        foreach (var (value, label) in Items)
        {
            var itemId = index++ == 0 ? id : $"{id}-{index}";
            var isChecked = string.Equals(value, chosen, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            body.Append($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{enc.Encode(name)}\" type=\"radio\" value=\"{enc.Encode(value)}\"{isChecked}>")
                .Append($"<label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{enc.Encode(label)}</label></div>");
        }

        body.Append("</div>");

        var aria = described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{aria}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{enc.Encode(LegendSize)}\">{enc.Encode(Legend)}</legend>{body}</fieldset>");
    }
}
