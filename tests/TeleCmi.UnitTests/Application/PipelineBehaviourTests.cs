using System.Data.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using TeleCmi.Application;
using TeleCmi.Application.Auth.IssueToken;
using TeleCmi.Application.Calls.GetCallLog;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Application.Drivers.CreateDriver;
using TeleCmi.Application.Webhooks.HandleWebhook;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Drivers;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

public sealed class PipelineBehaviourTests
{
    private static readonly CreateDriverCommand ValidDriver = new("DRV-9", "Suresh", "9876543210", null, DriverKind.Driver);
    private static readonly CreateDriverCommand InvalidDriver = new("", "", "12345", null, DriverKind.Driver);

    // ---- authorization ----

    [Test]
    public void Authorization_WithoutASignedInUser_IsUnauthorizedAndGoesNoFurther()
    {
        var next = new NextStep<CreateDriverCommand, DriverDto>();

        Assert.ThrowsAsync<UnauthorizedException>(async () =>
            await new AuthorizationBehaviour<CreateDriverCommand, DriverDto>(User(null, null)).Handle(ValidDriver, next.Delegate, CancellationToken.None));

        Assert.That(next.Called, Is.False);
    }

    [Test]
    public void Authorization_UserWithoutARole_IsUnauthorized() =>
        Assert.ThrowsAsync<UnauthorizedException>(async () =>
            await new AuthorizationBehaviour<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>(User(3, null))
                .Handle(new GetCallLogQuery("call_x"), new NextStep<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>().Delegate, CancellationToken.None));

    [TestCase(AgentRole.Telecaller)]
    [TestCase(AgentRole.Supervisor)]
    public void Authorization_WrongRole_IsForbiddenAndGoesNoFurther(AgentRole role)
    {
        var next = new NextStep<CreateDriverCommand, DriverDto>();

        var ex = Assert.ThrowsAsync<ForbiddenException>(async () =>
            await new AuthorizationBehaviour<CreateDriverCommand, DriverDto>(User(3, role)).Handle(ValidDriver, next.Delegate, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(next.Called, Is.False);
            Assert.That(ex!.Message, Does.Contain("admin"));
        });
    }

    [Test]
    public async Task Authorization_RightRole_PassesTheMessageOn()
    {
        var next = new NextStep<CreateDriverCommand, DriverDto>();

        await new AuthorizationBehaviour<CreateDriverCommand, DriverDto>(User(1, AgentRole.Admin)).Handle(ValidDriver, next.Delegate, CancellationToken.None);

        Assert.That(next.Called, Is.True);
    }

    [TestCase(AgentRole.Telecaller)]
    [TestCase(AgentRole.Supervisor)]
    [TestCase(AgentRole.Admin)]
    public async Task Authorization_AttributeWithoutRoles_LetsEverySignedInRoleThrough(AgentRole role)
    {
        var next = new NextStep<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>();

        await new AuthorizationBehaviour<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>(User(3, role))
            .Handle(new GetCallLogQuery("call_x"), next.Delegate, CancellationToken.None);

        Assert.That(next.Called, Is.True);
    }

    [Test]
    public async Task Authorization_MessageWithoutTheAttribute_IsOpenToAnonymousCallers()
    {
        var signIn = new NextStep<IssueTokenCommand, TokenResponse>();
        var webhook = new NextStep<HandleWebhookCommand, WebhookReceipt>();

        await new AuthorizationBehaviour<IssueTokenCommand, TokenResponse>(User(null, null))
            .Handle(new IssueTokenCommand("asha", "secret"), signIn.Delegate, CancellationToken.None);
        await new AuthorizationBehaviour<HandleWebhookCommand, WebhookReceipt>(User(null, null))
            .Handle(new HandleWebhookCommand("token", "{}"), webhook.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(signIn.Called, Is.True);
            Assert.That(webhook.Called, Is.True);
        });
    }

    // ---- validation ----

    [Test]
    public void Validation_CollectsTheFailuresOfEveryValidatorAndGoesNoFurther()
    {
        var extra = new InlineValidator<CreateDriverCommand>();
        extra.RuleFor(c => c.TmId).NotNull().WithMessage("TM id needed here");
        var next = new NextStep<CreateDriverCommand, DriverDto>();
        var behaviour = new ValidationBehaviour<CreateDriverCommand, DriverDto>([new CreateDriverValidator(), extra]);

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(InvalidDriver, next.Delegate, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(next.Called, Is.False);
            Assert.That(ex!.Errors.Select(e => e.PropertyName).Distinct(), Is.EquivalentTo(new[] { "Id", "Name", "Phone", "TmId" }));
            Assert.That(ex.Errors.Select(e => e.ErrorMessage), Has.Some.EqualTo("TM id needed here"));
        });
    }

    [Test]
    public async Task Validation_ValidMessage_PassesItOn()
    {
        var next = new NextStep<CreateDriverCommand, DriverDto>();

        await new ValidationBehaviour<CreateDriverCommand, DriverDto>([new CreateDriverValidator()]).Handle(ValidDriver, next.Delegate, CancellationToken.None);

        Assert.That(next.Called, Is.True);
    }

    [Test]
    public async Task Validation_MessageWithoutValidators_PassesItOn()
    {
        var next = new NextStep<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>();

        await new ValidationBehaviour<GetCallLogQuery, TeleCmi.Application.Calls.Common.CallLogDto>([])
            .Handle(new GetCallLogQuery("call_x"), next.Delegate, CancellationToken.None);

        Assert.That(next.Called, Is.True);
    }

    // ---- the pipeline as registered ----

    private static readonly Type[] ExpectedOrder =
        [typeof(LoggingBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];

    [Test]
    public void AddApplication_RegistersLoggingAuthorizationValidationTransactionInThatOrderForEveryMessage()
    {
        var services = new ServiceCollection().AddApplication();

        // The Mediator source generator registers closed behaviour types per message, in the configured order.
        var pipelines = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>))
            .GroupBy(d => d.ServiceType)
            .ToDictionary(g => g.Key.GetGenericArguments()[0], g => g.Select(d => d.ImplementationType!.GetGenericTypeDefinition()).ToArray());
        var messages = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Length.GreaterThanOrEqualTo(10), "the application's messages should be found");
            Assert.That(pipelines.Keys, Is.EquivalentTo(messages), "every message gets a pipeline");
            foreach (var (message, order) in pipelines)
                Assert.That(order, Is.EqualTo(ExpectedOrder), message.Name);
        });
    }

    [Test]
    public void AddApplication_ResolvesThePipelineInTheConfiguredOrder()
    {
        using var database = new SqliteTestDatabase();
        using var provider = Services(database, User(1, AgentRole.Admin), new TransactionCounter(), new CapturedLogs());
        using var scope = provider.CreateScope();

        var resolved = scope.ServiceProvider.GetServices<IPipelineBehavior<CreateDriverCommand, DriverDto>>()
            .Select(b => b.GetType().GetGenericTypeDefinition());

        Assert.That(resolved, Is.EqualTo(ExpectedOrder));
    }

    [Test]
    public void Send_UnauthenticatedAndInvalid_IsRefusedByAuthorizationBeforeValidationAndTheRefusalIsLogged()
    {
        using var database = new SqliteTestDatabase();
        var logs = new CapturedLogs();
        var transactions = new TransactionCounter();
        using var provider = Services(database, User(null, null), transactions, logs);
        using var scope = provider.CreateScope();

        Assert.ThrowsAsync<UnauthorizedException>(async () => await scope.ServiceProvider.GetRequiredService<IMediator>().Send(InvalidDriver));

        Assert.Multiple(() =>
        {
            Assert.That(logs.Messages, Has.Some.Matches<string>(m => m.Contains("CreateDriverCommand") && m.Contains("ended with UnauthorizedException")),
                "logging is outermost: it sees the authorization refusal");
            Assert.That(transactions.Started, Is.Zero);
        });
    }

    [Test]
    public void Send_AuthorizedButInvalid_FailsValidationWithoutOpeningATransaction()
    {
        using var database = new SqliteTestDatabase();
        var transactions = new TransactionCounter();
        using var provider = Services(database, User(1, AgentRole.Admin), transactions, new CapturedLogs());
        using var scope = provider.CreateScope();

        Assert.ThrowsAsync<ValidationException>(async () => await scope.ServiceProvider.GetRequiredService<IMediator>().Send(InvalidDriver));

        Assert.That(transactions.Started, Is.Zero);
    }

    [Test]
    public async Task Send_AuthorizedAndValidCommand_RunsInOneTransaction()
    {
        using var database = new SqliteTestDatabase();
        var transactions = new TransactionCounter();
        using var provider = Services(database, User(1, AgentRole.Admin), transactions, new CapturedLogs());
        using var scope = provider.CreateScope();

        var dto = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(ValidDriver);

        await using var check = database.NewContext();
        var drivers = await check.Drivers.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(dto.Phone, Is.EqualTo("+919876543210"));
            Assert.That(transactions.Started, Is.EqualTo(1));
            Assert.That(transactions.Committed, Is.EqualTo(1));
            Assert.That(drivers, Is.EqualTo(1));
        });
    }

    private static ServiceProvider Services(SqliteTestDatabase database, ICurrentUser user, TransactionCounter transactions, CapturedLogs logs)
    {
        var services = new ServiceCollection().AddApplication();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton(user);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero)));
        services.AddScoped<IAppDbContext>(_ => database.NewContext(transactions));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    private static ICurrentUser User(int? agentId, AgentRole? role)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.AgentId).Returns(agentId);
        user.SetupGet(u => u.Role).Returns(role);
        return user.Object;
    }

    private sealed class NextStep<TMessage, TResponse> where TMessage : IMessage
    {
        public bool Called { get; private set; }

        public MessageHandlerDelegate<TMessage, TResponse> Delegate => (_, _) =>
        {
            Called = true;
            return ValueTask.FromResult(default(TResponse)!);
        };
    }

    private sealed class TransactionCounter : DbTransactionInterceptor
    {
        public int Started { get; private set; }
        public int Committed { get; private set; }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            Started++;
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed++;
            return Task.CompletedTask;
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly List<string> messages = [];

        public IReadOnlyList<string> Messages { get { lock (messages) return messages.ToArray(); } }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(CapturedLogs sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (sink.messages) sink.messages.Add(formatter(state, exception));
            }
        }
    }
}
