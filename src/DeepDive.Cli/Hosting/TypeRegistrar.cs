using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Hosting;

/// <summary>Lets Spectre.Console.Cli build commands from the shared composition root: a command's constructor receives its services.</summary>
public sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false }));

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());
}

/// <summary>Resolves Spectre's commands and settings from the container; disposing it stops and disposes every service it made.</summary>
public sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
