using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DeepDive.Web.Components;

/// <summary>One radio button or checkbox of a <see cref="GovukChoicesTagHelper"/>.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>
/// GOV.UK radios or checkboxes bound to a model property, in a fieldset with its legend, hint and the error from model
/// state: <c>&lt;govuk-choices for="Input.Method" legend="How are cases drawn?" type="radio" items="..." /&gt;</c>. A
/// checkbox bound to a bool has one item whose value is "true". The first input's id is the field's id, so the error
/// summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-choices", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukChoicesTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public IEnumerable<Choice> Items { get; set; } = [];

    /// <summary>radio or checkbox.</summary>
    public string Type { get; set; } = "radio";

    public string? Legend { get; set; }

    /// <summary>s, m or l: the legend's size (none for body text).</summary>
    public string? LegendSize { get; set; }

    public string? Hint { get; set; }

    /// <summary>Short options side by side.</summary>
    public bool Inline { get; set; }

    public bool Small { get; set; }

    /// <summary>Many short options (months, age bands) in three columns.</summary>
    public bool Columns { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.Of(name);
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors is { Count: > 0 } errors ? errors[0].ErrorMessage : null;
        var selected = Selected(state, For.Model);
        var enc = HtmlEncoder.Default;
        var kind = Type == "checkbox" ? "checkboxes" : "radios";
        var described = new List<string>();
        var html = new StringBuilder();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        if (Hint is not null)
        {
            described.Add($"{id}-hint");
        }

        if (error is not null)
        {
            described.Add($"{id}-error");
        }

        var aria = described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "";
        if (Legend is not null)
        {
            var size = LegendSize is null ? "" : $" govuk-fieldset__legend--{LegendSize}";
            html.Append($"<fieldset class=\"govuk-fieldset\"{aria}><legend class=\"govuk-fieldset__legend{size}\">{enc.Encode(Legend)}</legend>");
        }

        if (Hint is not null)
        {
            html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
        }

        if (error is not null)
        {
            html.Append($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(error)}</p>");
        }

        var modifiers = (Inline ? $" govuk-{kind}--inline" : "") + (Small ? $" govuk-{kind}--small" : "") + (Columns ? " app-choices--columns" : "");
        html.Append($"<div class=\"govuk-{kind}{modifiers}\" data-module=\"govuk-{kind}\">");
        var i = 0;
        foreach (var item in Items)
        {
            var itemId = i == 0 ? id : $"{id}-{i + 1}";
            var itemHint = item.Hint is null ? "" : $" aria-describedby=\"{itemId}-item-hint\"";
            var inputAria = Legend is null && i == 0 ? aria : "";
            html.Append($"<div class=\"govuk-{kind}__item\">")
                .Append($"<input class=\"govuk-{kind}__input\" id=\"{itemId}\" name=\"{enc.Encode(name)}\" type=\"{(Type == "checkbox" ? "checkbox" : "radio")}\" value=\"{enc.Encode(item.Value)}\"")
                .Append(selected.Contains(item.Value) ? " checked" : "").Append(itemHint).Append(inputAria).Append('>')
                .Append($"<label class=\"govuk-label govuk-{kind}__label\" for=\"{itemId}\">{enc.Encode(item.Label)}</label>");
            if (item.Hint is not null)
            {
                html.Append($"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-{kind}__hint\">{enc.Encode(item.Hint)}</div>");
            }

            html.Append("</div>");
            i++;
        }

        html.Append("</div>");
        if (Legend is not null)
        {
            html.Append("</fieldset>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The values to show as chosen: what was posted when the form comes back with errors, else the model's.</summary>
    private static HashSet<string> Selected(ModelStateEntry? state, object? model)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (state?.RawValue is string[] posted)
        {
            set.UnionWith(posted);
            return set;
        }

        if (state?.RawValue is string one)
        {
            set.Add(one);
            return set;
        }

        switch (model)
        {
            case null:
                break;
            case bool b:
                if (b)
                {
                    set.Add("true");
                }

                break;
            case string s:
                set.Add(s);
                break;
            case IEnumerable values:
                foreach (var value in values)
                {
                    if (value?.ToString() is { } text)
                    {
                        set.Add(text);
                    }
                }

                break;
            default:
                set.Add(model.ToString() ?? "");
                break;
        }

        return set;
    }
}
