CREATE TABLE IF NOT EXISTS `__EFMigrationsHistory` (
    `MigrationId` varchar(150) CHARACTER SET utf8mb4 NOT NULL,
    `ProductVersion` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
    CONSTRAINT `PK___EFMigrationsHistory` PRIMARY KEY (`MigrationId`)
) CHARACTER SET=utf8mb4;

START TRANSACTION;
DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    ALTER DATABASE CHARACTER SET utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE TABLE `agents` (
        `Id` int NOT NULL AUTO_INCREMENT,
        `Username` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `PasswordHash` varchar(256) CHARACTER SET utf8mb4 NOT NULL,
        `DisplayName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `Phone` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `Role` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `TeleCmiUserId` varchar(32) CHARACTER SET utf8mb4 NULL,
        `TeleCmiCallingAllowed` tinyint(1) NOT NULL,
        `IsActive` tinyint(1) NOT NULL,
        `CreatedAt` datetime(6) NOT NULL,
        `UpdatedAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_agents` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE TABLE `drivers` (
        `Id` varchar(50) CHARACTER SET utf8mb4 NOT NULL,
        `Name` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `Phone` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `TmId` varchar(50) CHARACTER SET utf8mb4 NULL,
        `Kind` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `CreatedAt` datetime(6) NOT NULL,
        `UpdatedAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_drivers` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE TABLE `webhook_deliveries` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `ReceivedAt` datetime(6) NOT NULL,
        `Payload` longtext CHARACTER SET utf8mb4 NOT NULL,
        `PayloadHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Type` varchar(32) CHARACTER SET utf8mb4 NULL,
        `Status` varchar(32) CHARACTER SET utf8mb4 NULL,
        `Leg` varchar(16) CHARACTER SET utf8mb4 NULL,
        `CallId` varchar(64) CHARACTER SET utf8mb4 NULL,
        `RequestId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `ConversationId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `LegId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `EchoedCallId` varchar(64) CHARACTER SET utf8mb4 NULL,
        `EventAt` datetime(6) NULL,
        `Match` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `ProcessedAt` datetime(6) NULL,
        `Attempts` int NOT NULL,
        CONSTRAINT `PK_webhook_deliveries` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE TABLE `call_logs` (
        `Id` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `AgentId` int NOT NULL,
        `DriverId` varchar(50) CHARACTER SET utf8mb4 NOT NULL,
        `DriverName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
        `DriverTmId` varchar(50) CHARACTER SET utf8mb4 NULL,
        `DriverPhone` varchar(20) CHARACTER SET utf8mb4 NOT NULL,
        `Provider` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Status` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Dispatch` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `AgentLeg` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `DriverLeg` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `IsStale` tinyint(1) NOT NULL,
        `MissedBy` varchar(16) CHARACTER SET utf8mb4 NULL,
        `Outcome` varchar(20) CHARACTER SET utf8mb4 NULL,
        `Feedback` varchar(200) CHARACTER SET utf8mb4 NULL,
        `Remarks` varchar(2000) CHARACTER SET utf8mb4 NULL,
        `Notes` varchar(2000) CHARACTER SET utf8mb4 NULL,
        `TalkSeconds` int NULL,
        `AgentDurationSeconds` int NULL,
        `FollowUpAt` datetime(6) NULL,
        `TeleCmiRequestId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `ConversationId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `AgentLegId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `DriverLegId` varchar(128) CHARACTER SET utf8mb4 NULL,
        `HangupReason` varchar(64) CHARACTER SET utf8mb4 NULL,
        `AgentHangupReason` varchar(64) CHARACTER SET utf8mb4 NULL,
        `RecordingFileName` varchar(200) CHARACTER SET utf8mb4 NULL,
        `FailureReason` varchar(500) CHARACTER SET utf8mb4 NULL,
        `CreatedAt` datetime(6) NOT NULL,
        `UpdatedAt` datetime(6) NOT NULL,
        `AnsweredAt` datetime(6) NULL,
        `EndedAt` datetime(6) NULL,
        `Version` int NOT NULL,
        CONSTRAINT `PK_call_logs` PRIMARY KEY (`Id`),
        CONSTRAINT `FK_call_logs_agents_AgentId` FOREIGN KEY (`AgentId`) REFERENCES `agents` (`Id`) ON DELETE RESTRICT,
        CONSTRAINT `FK_call_logs_drivers_DriverId` FOREIGN KEY (`DriverId`) REFERENCES `drivers` (`Id`) ON DELETE RESTRICT
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE UNIQUE INDEX `IX_agents_Username` ON `agents` (`Username`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_AgentId_CreatedAt` ON `call_logs` (`AgentId`, `CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_AgentLegId` ON `call_logs` (`AgentLegId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_ConversationId` ON `call_logs` (`ConversationId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_CreatedAt` ON `call_logs` (`CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_DriverId_CreatedAt` ON `call_logs` (`DriverId`, `CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_DriverLegId` ON `call_logs` (`DriverLegId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_Status_CreatedAt` ON `call_logs` (`Status`, `CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_call_logs_TeleCmiRequestId` ON `call_logs` (`TeleCmiRequestId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_drivers_Name` ON `drivers` (`Name`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_drivers_Phone` ON `drivers` (`Phone`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_drivers_TmId` ON `drivers` (`TmId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_webhook_deliveries_CallId` ON `webhook_deliveries` (`CallId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_webhook_deliveries_Match_EchoedCallId` ON `webhook_deliveries` (`Match`, `EchoedCallId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_webhook_deliveries_Match_RequestId` ON `webhook_deliveries` (`Match`, `RequestId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_webhook_deliveries_PayloadHash` ON `webhook_deliveries` (`PayloadHash`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    CREATE INDEX `IX_webhook_deliveries_ReceivedAt` ON `webhook_deliveries` (`ReceivedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125094242_InitialCreate') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261125094242_InitialCreate', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125101747_IdempotencyKeys') THEN

    CREATE TABLE `idempotency_records` (
        `AgentId` int NOT NULL,
        `Endpoint` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Key` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        `RequestHash` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `CreatedAt` datetime(6) NOT NULL,
        `ExpiresAt` datetime(6) NOT NULL,
        `CompletedAt` datetime(6) NULL,
        `StatusCode` int NULL,
        `ContentType` varchar(128) CHARACTER SET utf8mb4 NULL,
        `Location` varchar(512) CHARACTER SET utf8mb4 NULL,
        `Body` longblob NULL,
        CONSTRAINT `PK_idempotency_records` PRIMARY KEY (`AgentId`, `Endpoint`, `Key`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125101747_IdempotencyKeys') THEN

    CREATE INDEX `IX_idempotency_records_ExpiresAt` ON `idempotency_records` (`ExpiresAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261125101747_IdempotencyKeys') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261125101747_IdempotencyKeys', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    CREATE INDEX `IX_call_logs_AgentId_CreatedAt_Id` ON `call_logs` (`AgentId`, `CreatedAt`, `Id`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    CREATE INDEX `IX_call_logs_CreatedAt_Id` ON `call_logs` (`CreatedAt`, `Id`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    CREATE INDEX `IX_call_logs_DriverId_CreatedAt_Id` ON `call_logs` (`DriverId`, `CreatedAt`, `Id`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    CREATE INDEX `IX_call_logs_Status_CreatedAt_Id` ON `call_logs` (`Status`, `CreatedAt`, `Id`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_AgentId_CreatedAt`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_CreatedAt`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_DriverId_CreatedAt`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_Status_CreatedAt`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202025401_CallListKeysetIndexes') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261202025401_CallListKeysetIndexes', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202030553_ReportCoveringIndex') THEN

    CREATE INDEX `IX_call_logs_Reports` ON `call_logs` (`CreatedAt`, `Status`, `Outcome`, `TalkSeconds`, `AgentDurationSeconds`, `AgentId`, `Provider`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202030553_ReportCoveringIndex') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261202030553_ReportCoveringIndex', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202150853_ReportRollup') THEN

    CREATE TABLE `report_day_figures` (
        `Zone` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Day` date NOT NULL,
        `Provider` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `Calls` int NOT NULL,
        `Answered` int NOT NULL,
        `Completed` int NOT NULL,
        `Missed` int NOT NULL,
        `Failed` int NOT NULL,
        `InProgress` int NOT NULL,
        `Unknown` int NOT NULL,
        `TalkSeconds` bigint NOT NULL,
        `Connected` int NOT NULL,
        `NotReachable` int NOT NULL,
        `Busy` int NOT NULL,
        `WrongNumber` int NOT NULL,
        `CallBackLater` int NOT NULL,
        `Interested` int NOT NULL,
        `NotInterested` int NOT NULL,
        `OtherOutcome` int NOT NULL,
        `NoOutcome` int NOT NULL,
        CONSTRAINT `PK_report_day_figures` PRIMARY KEY (`Zone`, `Day`, `Provider`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202150853_ReportRollup') THEN

    CREATE TABLE `report_days` (
        `Zone` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Day` date NOT NULL,
        `ComputedAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_report_days` PRIMARY KEY (`Zone`, `Day`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202150853_ReportRollup') THEN

    CREATE TABLE `report_stale_days` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `Day` date NOT NULL,
        `MarkedAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_report_stale_days` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202150853_ReportRollup') THEN

    CREATE INDEX `IX_report_stale_days_Day` ON `report_stale_days` (`Day`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261202150853_ReportRollup') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261202150853_ReportRollup', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261203084335_AgentIndexCoversProvider') THEN

    CREATE INDEX `IX_call_logs_AgentId_CreatedAt_Id_Provider` ON `call_logs` (`AgentId`, `CreatedAt`, `Id`, `Provider`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261203084335_AgentIndexCoversProvider') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_AgentId_CreatedAt_Id`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261203084335_AgentIndexCoversProvider') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261203084335_AgentIndexCoversProvider', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205121848_AgentSecurityStampAndRevokedTokens') THEN

    ALTER TABLE `agents` ADD `SecurityStamp` varchar(32) CHARACTER SET utf8mb4 NOT NULL DEFAULT '';

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205121848_AgentSecurityStampAndRevokedTokens') THEN

    UPDATE `agents` SET `SecurityStamp` = UPPER(LEFT(SHA2(CONCAT(UUID(), RAND(), `Id`), 256), 32));

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205121848_AgentSecurityStampAndRevokedTokens') THEN

    CREATE TABLE `revoked_tokens` (
        `TokenId` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `AgentId` int NOT NULL,
        `RevokedAt` datetime(6) NOT NULL,
        `ExpiresAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_revoked_tokens` PRIMARY KEY (`TokenId`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205121848_AgentSecurityStampAndRevokedTokens') THEN

    CREATE INDEX `IX_revoked_tokens_ExpiresAt` ON `revoked_tokens` (`ExpiresAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205121848_AgentSecurityStampAndRevokedTokens') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205121848_AgentSecurityStampAndRevokedTokens', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    CREATE INDEX `IX_call_logs_AgentId_CreatedAt_Id_Provider_Status` ON `call_logs` (`AgentId`, `CreatedAt`, `Id`, `Provider`, `Status`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    ALTER TABLE `call_logs` DROP INDEX `IX_call_logs_AgentId_CreatedAt_Id_Provider`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    ALTER TABLE `report_day_figures` ADD `NotPlaced` int NOT NULL DEFAULT 0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    UPDATE call_logs SET Status = 'NotPlaced', Dispatch = 'NotPlaced' WHERE Provider = 'TeleCmi' AND Status = 'Failed' AND Dispatch = 'Refused' AND FailureReason LIKE 'TeleCMI unavailable, no call was placed:%';

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    DELETE FROM report_day_figures;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    DELETE FROM report_days;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122054_NotPlacedCalls') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205122054_NotPlacedCalls', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122827_AgentLastDialAtForDialLock') THEN

    ALTER TABLE `agents` ADD `LastDialAt` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205122827_AgentLastDialAtForDialLock') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205122827_AgentLastDialAtForDialLock', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205202642_AgentExternalId') THEN

    ALTER TABLE `agents` ADD `ExternalId` varchar(64) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205202642_AgentExternalId') THEN

    CREATE UNIQUE INDEX `IX_agents_ExternalId` ON `agents` (`ExternalId`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205202642_AgentExternalId') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205202642_AgentExternalId', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205205736_CallLogsV1View') THEN


                    CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW call_logs_v1 AS
                    SELECT
                        COALESCE(c.Id) AS reference_id,
                        COALESCE(a.ExternalId) AS caller_id,
                        COALESCE(c.DriverId) AS driver_id,
                        TRIM(LEADING '+' FROM c.DriverPhone) AS driver_mobile,
                        COALESCE(c.DriverName) AS driver_name,
                        COALESCE(c.DriverTmId) AS driver_tmid,
                        CASE c.Provider WHEN 'TeleCmi' THEN 'ivr' ELSE 'manual' END AS call_type,
                        CASE c.Status
                            WHEN 'Initiating' THEN 'initiating'
                            WHEN 'Initiated' THEN 'initiated'
                            WHEN 'Ringing' THEN 'ringing'
                            WHEN 'Answered' THEN 'answered'
                            WHEN 'Completed' THEN 'completed'
                            WHEN 'Missed' THEN 'missed'
                            WHEN 'Failed' THEN 'failed'
                            WHEN 'Unknown' THEN 'unknown'
                            ELSE LOWER(c.Status)
                        END AS status,
                        CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE LOWER(c.Provider) END AS provider,
                        CASE c.Outcome
                            WHEN 'Connected' THEN 'connected'
                            WHEN 'NotReachable' THEN 'not_reachable'
                            WHEN 'Busy' THEN 'busy'
                            WHEN 'WrongNumber' THEN 'wrong_number'
                            WHEN 'CallBackLater' THEN 'call_back_later'
                            WHEN 'Interested' THEN 'interested'
                            WHEN 'NotInterested' THEN 'not_interested'
                            WHEN 'Other' THEN 'other'
                            ELSE LOWER(c.Outcome)
                        END AS feedback,
                        COALESCE(c.Remarks) AS remarks,
                        COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                        c.CreatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS created_at,
                        c.UpdatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS updated_at
                    FROM call_logs AS c
                    INNER JOIN agents AS a ON a.Id = c.AgentId
                    WHERE c.Status <> 'NotPlaced';


    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205205736_CallLogsV1View') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205205736_CallLogsV1View', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210402_WebhookDeliveryReason') THEN

    ALTER TABLE `webhook_deliveries` DROP INDEX `IX_webhook_deliveries_CallId`;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210402_WebhookDeliveryReason') THEN

    ALTER TABLE `webhook_deliveries` ADD `Reason` varchar(300) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210402_WebhookDeliveryReason') THEN

    UPDATE webhook_deliveries SET Reason = 'Stored before reasons were kept; replay it to learn why.' WHERE `Match` IN ('Unmatched', 'Ignored', 'NoChange');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210402_WebhookDeliveryReason') THEN

    CREATE INDEX `IX_webhook_deliveries_CallId_ReceivedAt` ON `webhook_deliveries` (`CallId`, `ReceivedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210402_WebhookDeliveryReason') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205210402_WebhookDeliveryReason', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210641_AgentTeleCmiPasswordAndDataProtectionKeys') THEN

    ALTER TABLE `agents` ADD `TeleCmiPasswordCipher` varchar(1024) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210641_AgentTeleCmiPasswordAndDataProtectionKeys') THEN

    CREATE TABLE `data_protection_keys` (
        `Id` int NOT NULL AUTO_INCREMENT,
        `FriendlyName` varchar(256) CHARACTER SET utf8mb4 NULL,
        `Xml` longtext CHARACTER SET utf8mb4 NULL,
        CONSTRAINT `PK_data_protection_keys` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261205210641_AgentTeleCmiPasswordAndDataProtectionKeys') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261205210641_AgentTeleCmiPasswordAndDataProtectionKeys', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206020537_JobLeases') THEN

    CREATE TABLE `job_leases` (
        `Name` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Holder` varchar(128) CHARACTER SET utf8mb4 NOT NULL,
        `ExpiresAt` datetime(6) NOT NULL,
        `AcquiredAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_job_leases` PRIMARY KEY (`Name`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206020537_JobLeases') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261206020537_JobLeases', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206020809_CallChanges') THEN

    CREATE TABLE `call_changes` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `CallId` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `AgentId` int NOT NULL,
        `ChangedAt` datetime(6) NOT NULL,
        CONSTRAINT `PK_call_changes` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206020809_CallChanges') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261206020809_CallChanges', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    ALTER TABLE `report_day_figures` ADD `DoNotCallOutcome` int NOT NULL DEFAULT 0;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    ALTER TABLE `drivers` ADD `DoNotCallReason` varchar(200) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    ALTER TABLE `drivers` ADD `DoNotCallSince` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    ALTER TABLE `drivers` ADD `DoNotCallSource` varchar(16) CHARACTER SET utf8mb4 NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    CREATE TABLE `do_not_call_records` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `DriverId` varchar(50) CHARACTER SET utf8mb4 NOT NULL,
        `Reason` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
        `Source` varchar(16) CHARACTER SET utf8mb4 NOT NULL,
        `SetByAgentId` int NULL,
        `SetAt` datetime(6) NOT NULL,
        `LiftedByAgentId` int NULL,
        `LiftedAt` datetime(6) NULL,
        CONSTRAINT `PK_do_not_call_records` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    CREATE INDEX `IX_do_not_call_records_DriverId_LiftedAt` ON `do_not_call_records` (`DriverId`, `LiftedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN


                    CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW call_logs_v1 AS
                    SELECT
                        COALESCE(c.Id) AS reference_id,
                        COALESCE(a.ExternalId) AS caller_id,
                        COALESCE(c.DriverId) AS driver_id,
                        TRIM(LEADING '+' FROM c.DriverPhone) AS driver_mobile,
                        COALESCE(c.DriverName) AS driver_name,
                        COALESCE(c.DriverTmId) AS driver_tmid,
                        CASE c.Provider WHEN 'TeleCmi' THEN 'ivr' ELSE 'manual' END AS call_type,
                        CASE c.Status
                            WHEN 'Initiating' THEN 'initiating'
                            WHEN 'Initiated' THEN 'initiated'
                            WHEN 'Ringing' THEN 'ringing'
                            WHEN 'Answered' THEN 'answered'
                            WHEN 'Completed' THEN 'completed'
                            WHEN 'Missed' THEN 'missed'
                            WHEN 'Failed' THEN 'failed'
                            WHEN 'Unknown' THEN 'unknown'
                            ELSE LOWER(c.Status)
                        END AS status,
                        CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE LOWER(c.Provider) END AS provider,
                        CASE c.Outcome
                            WHEN 'Connected' THEN 'connected'
                            WHEN 'NotReachable' THEN 'not_reachable'
                            WHEN 'Busy' THEN 'busy'
                            WHEN 'WrongNumber' THEN 'wrong_number'
                            WHEN 'CallBackLater' THEN 'call_back_later'
                            WHEN 'Interested' THEN 'interested'
                            WHEN 'NotInterested' THEN 'not_interested'
                            WHEN 'Other' THEN 'other'
                            WHEN 'DoNotCall' THEN 'do_not_call'
                            ELSE LOWER(c.Outcome)
                        END AS feedback,
                        COALESCE(c.Remarks) AS remarks,
                        COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                        c.CreatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS created_at,
                        c.UpdatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS updated_at
                    FROM call_logs AS c
                    INNER JOIN agents AS a ON a.Id = c.AgentId
                    WHERE c.Status <> 'NotPlaced';


    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206021525_DoNotCallAndCallingHours') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261206021525_DoNotCallAndCallingHours', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    ALTER TABLE `drivers` ADD `ErasedAt` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    ALTER TABLE `call_logs` ADD `PersonalDataRemovedAt` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    ALTER TABLE `call_logs` ADD `RecordingRemovedAt` datetime(6) NULL;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    CREATE TABLE `audit_entries` (
        `Id` bigint NOT NULL AUTO_INCREMENT,
        `OccurredAt` datetime(6) NOT NULL,
        `ActorAgentId` int NULL,
        `EntityType` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `EntityId` varchar(64) CHARACTER SET utf8mb4 NOT NULL,
        `Action` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
        `Changes` longtext CHARACTER SET utf8mb4 NOT NULL,
        CONSTRAINT `PK_audit_entries` PRIMARY KEY (`Id`)
    ) CHARACTER SET=utf8mb4;

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    CREATE INDEX `IX_call_logs_PersonalDataRemovedAt_CreatedAt` ON `call_logs` (`PersonalDataRemovedAt`, `CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    CREATE INDEX `IX_call_logs_RecordingRemovedAt_CreatedAt` ON `call_logs` (`RecordingRemovedAt`, `CreatedAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    CREATE INDEX `IX_audit_entries_EntityType_EntityId_Id` ON `audit_entries` (`EntityType`, `EntityId`, `Id`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    CREATE INDEX `IX_audit_entries_OccurredAt` ON `audit_entries` (`OccurredAt`);

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

DROP PROCEDURE IF EXISTS MigrationsScript;
DELIMITER //
CREATE PROCEDURE MigrationsScript()
BEGIN
    IF NOT EXISTS(SELECT 1 FROM `__EFMigrationsHistory` WHERE `MigrationId` = '20261206022228_AuditTrailAndRetention') THEN

    INSERT INTO `__EFMigrationsHistory` (`MigrationId`, `ProductVersion`)
    VALUES ('20261206022228_AuditTrailAndRetention', '9.0.23');

    END IF;
END //
DELIMITER ;
CALL MigrationsScript();
DROP PROCEDURE MigrationsScript;

COMMIT;

