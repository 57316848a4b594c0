using Microsoft.Extensions.Options;

namespace Ipp.Graph;

/// <summary>Registers a settings section as <see cref="IOptions{TOptions}"/>, checked when the server starts.</summary>
public static class ValidatedSettings
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and runs <paramref name="validate"/> on it at
    /// start: a value out of range (it throws, saying which) stops the server before it listens.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedSettings<TOptions>(
        this IServiceCollection services, IConfigurationSection section, Action<TOptions> validate)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .Bind(section)
            .Validate(options =>
            {
                validate(options);
                return true;
            })
            .ValidateOnStart();
}
