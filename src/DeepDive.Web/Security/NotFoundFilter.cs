using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DeepDive.Web.Security;

/// <summary>Turns <see cref="NotFoundException"/> from any page into the "Page not found" page (404).</summary>
public sealed class NotFoundFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException)
        {
            executed.ExceptionHandled = true;
            executed.Result = new NotFoundResult();
        }
    }
}
