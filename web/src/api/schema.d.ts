/**
 * The API's types, generated from its OpenAPI document (/docs-json) by `npm run api:generate`:
 * do not edit. tests/e2e/openapi-document.e2e.spec.ts fails when this file is stale.
 */

export interface paths {
  '/api/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Units of my scope, filtered by kind, parent or name */
    get: operations['UnitsController_list'];
    put?: never;
    /** Create a unit below a unit of my scope */
    post: operations['UnitsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/ladder-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Units of a subtree whose escalation ladder would reach nobody, per target */
    get: operations['UnitsController_ladderCheck'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One unit of my scope */
    get: operations['UnitsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edits name, head (负责人), poor-village flag or active state; audited */
    patch: operations['UnitsController_update'];
    trace?: never;
  };
  '/api/units/{id}/subtree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A unit and the units below it, by path (the unit tree) */
    get: operations['UnitsController_subtree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import units (JSON), all or nothing: parents by code, in any order */
    post: operations['UnitsController_importJson'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/import/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import units from CSV (UTF-8), all or nothing */
    post: operations['UnitsController_importCsv'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users of the caller's scope, or of one unit in it */
    get: operations['UsersController_list'];
    put?: never;
    /** Create a user in a unit of the scope */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user's name, role, unit, responsible units or active flag */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Reset a user's password (their tokens stop working) */
    put: operations['UsersController_resetPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: an access token for a username and password */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the signed-in user's password: a fresh access token (older tokens stop working) */
    put: operations['AuthController_changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My in-app inbox, newest first (站内消息) */
    get: operations['NotificationsController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where my notifications go besides the inbox */
    get: operations['NotificationsController_settings'];
    /** Set where my notifications go besides the inbox: a signed webhook, e-mail, or both */
    put: operations['NotificationsController_updateSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many messages of my inbox are unread */
    get: operations['NotificationsController_unreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a message of my inbox read */
    post: operations['NotificationsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every message of my inbox read */
    post: operations['NotificationsController_markAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The notification templates: reminders, escalations, digests, announcements */
    get: operations['TemplatesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification-templates/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a notification template (admins of a root unit) */
    put: operations['TemplatesController_update'];
    post?: never;
    /** Reset a notification template to the shipped default */
    delete: operations['TemplatesController_reset'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification-templates/{kind}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a template with sample or given values; saves nothing */
    post: operations['TemplatesController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/announcements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a notice (通知) to every user of a unit of my scope and below */
    post: operations['AnnouncementsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/announcements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An announcement and its delivery status */
    get: operations['AnnouncementsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a standalone task (or one of a campaign step) for a unit */
    post: operations['TasksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reassign, extend or cancel a selection of tasks (批量操作) */
    post: operations['TasksController_bulkAction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/handover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a leaving user's unfinished tasks to a successor (工作交接) */
    post: operations['TasksController_handover'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My tasks: assigned to me, or to my unit as a whole (我的任务) */
    get: operations['TasksController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{unitId}/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tasks of a unit in the scope */
    get: operations['TasksController_forUnit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A task with its history and its reminder and escalation schedule */
    get: operations['TasksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a task (worker) */
    post: operations['TasksController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a task for approval (worker; 上报) */
    post: operations['TasksController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a submitted task (a manager above; 审核通过) */
    post: operations['TasksController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Return a submitted task with a reason (a manager above; 退回) */
    post: operations['TasksController_return'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a task with a reason (a manager above) */
    post: operations['TasksController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask for a later deadline (unit staff; 延期申请) */
    post: operations['TasksController_requestExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/extension-requests/{requestId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (extends the task) or refuse an extension request (a manager above) */
    post: operations['TasksController_decideExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/reassign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reassign a task to another unit or user (a manager above) */
    post: operations['TasksController_reassign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oversight/overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Overdue tasks below me, grouped by unit (逾期看板) */
    get: operations['OversightController_overdue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oversight/overdue-ranking': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Units ranked by overdue rate, the basis of a 通报 */
    get: operations['OversightController_ranking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/escalations/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Escalations addressed to me (督办) */
    get: operations['OversightController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/escalations/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an escalation addressed to me */
    post: operations['OversightController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/formal-talks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Formal talks (约谈) of units in my scope */
    get: operations['OversightController_formalTalks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/formal-talks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Schedule a formal talk or record it as held, with its outcome */
    patch: operations['OversightController_updateFormalTalk'];
    trace?: never;
  };
  '/api/tasks/{id}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A task's evidence (佐证资料), oldest first */
    get: operations['EvidenceController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/evidence/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a note to the evidence of a task being worked on */
    post: operations['EvidenceController_addNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/evidence/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a file (PDF, image, office document) to the evidence of a task being worked on */
    post: operations['EvidenceController_addFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/evidence/{evidenceId}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an evidence file, as uploaded (the download is audited) */
    get: operations['EvidenceController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Named deadline policies (催办与督办规则) */
    get: operations['PoliciesController_list'];
    put?: never;
    /** Create a named deadline policy (admins of a root unit) */
    post: operations['PoliciesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One named deadline policy */
    get: operations['PoliciesController_get'];
    /** Change a named deadline policy; running tasks keep their copy */
    put: operations['PoliciesController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policies/{id}/default': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a policy the default for tasks created without one */
    post: operations['PoliciesController_makeDefault'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/policies/{id}/apply-to-running': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a policy's current version to the running tasks in my scope that came from it */
    post: operations['PoliciesController_applyToRunning'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registered households (建档立卡户) of my area */
    get: operations['PopulationController_households'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/persons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registered persons of my area, by name, household, village or ID number; ID numbers masked */
    get: operations['PopulationController_persons'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/persons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One registered person, ID number masked */
    get: operations['PopulationController_person'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/persons/{id}/id-number': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A person's full resident ID number (managers and admins of the village; audited) */
    get: operations['PopulationController_idNumber'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a register file (建档立卡数据导入): imported in the background, all or nothing */
    post: operations['RegisterImportsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/imports/template.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The register template as CSV (UTF-8, header row only) */
    get: operations['RegisterImportsController_templateCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/imports/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The register template as XLSX */
    get: operations['RegisterImportsController_templateXlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A register import: its status and counts */
    get: operations['RegisterImportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/population/imports/{id}/errors.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The error report (行号, 列, 原因) of a register import, as CSV */
    get: operations['RegisterImportsController_errors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recurring-tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recurring tasks of my scope */
    get: operations['RecurringTasksController_list'];
    put?: never;
    /** Create a recurring task (每月按时录入) on a cron schedule */
    post: operations['RecurringTasksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recurring-tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One recurring task */
    get: operations['RecurringTasksController_get'];
    put?: never;
    post?: never;
    /** Delete a recurring task: its schedule goes, its record and tasks stay */
    delete: operations['RecurringTasksController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recurring-tasks/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause a recurring task */
    post: operations['RecurringTasksController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recurring-tasks/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a paused recurring task */
    post: operations['RecurringTasksController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recurring-tasks/{id}/trigger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run today's occurrence now (nothing new if it has run) */
    post: operations['RecurringTasksController_trigger'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disease-catalogue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the disease catalogue (疾病目录), newest first */
    get: operations['DiseaseCatalogueController_list'];
    put?: never;
    /** Add a version of the disease catalogue (admins of a root unit) */
    post: operations['DiseaseCatalogueController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disease-catalogue/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest version of the disease catalogue */
    get: operations['DiseaseCatalogueController_latest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disease-catalogue/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of the disease catalogue */
    get: operations['DiseaseCatalogueController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaigns that touch my area */
    get: operations['CampaignsController_list'];
    put?: never;
    /** Create a campaign (专项行动) from a template, as a draft */
    post: operations['CampaignsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign with its steps */
    get: operations['CampaignsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/launch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Launch a draft campaign: its tasks are created in the background */
    post: operations['CampaignsController_launch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a campaign with a reason (its open tasks are cancelled) */
    post: operations['CampaignsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress per step and per area unit, rolled up (进度) */
    get: operations['CampaignsController_progress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Consistency check (区乡村数据一致): submitted counts against records, parents against children */
    get: operations['CampaignsController_consistency'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/ledger.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The identification ledger (识别台账) as XLSX */
    get: operations['CampaignsController_ledger'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaign-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaign templates (专项行动模板) and their steps in order */
    get: operations['CampaignTemplatesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The persons of a re-identification task (疾病再识别), ID numbers masked */
    get: operations['ReIdentificationController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/items/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record many results from a CSV or XLSX file, all or nothing (errors row by row) */
    post: operations['ReIdentificationController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record one person's result */
    put: operations['ReIdentificationController_record'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/comparisons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The comparisons of a campaign, newest first */
    get: operations['DataComparisonController_runs'];
    put?: never;
    /** Compare the poverty office's list (CSV or XLSX) with the campaign's records (数据比对) */
    post: operations['DataComparisonController_compare'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/comparisons/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A comparison: flags per kind, and per unit of my scope */
    get: operations['DataComparisonController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campaigns/{id}/comparisons/{runId}/flags.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A comparison's flagged persons of my scope, with what verification found, as XLSX (audited) */
    get: operations['DataComparisonController_exportFlags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/verification-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A verification task's flagged persons (ID numbers masked) */
    get: operations['DataComparisonController_items'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/verification-items/{flagId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record what verifying a flagged person found */
    put: operations['DataComparisonController_resolve'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-rounds/{stepId}/rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Treatment rates (救治率) of a round as of a day, per row and in total, with the pace to the target */
    get: operations['TreatmentRatesController_table'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-rounds/{stepId}/rates/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Treatment rates day by day (or week by week) over the round */
    get: operations['TreatmentRatesController_series'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-rounds/{stepId}/rates.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Treatment rates as the bureaus’ XLSX table (seed 001: 三个一批 split, 合计) */
    get: operations['TreatmentRatesController_sheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-rounds/{stepId}/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases of a treatment round (救治台账) that I may see */
    get: operations['TreatmentController_list'];
    put?: never;
    /** Add a person the results missed as a case, with a reason */
    post: operations['TreatmentController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-rounds/{stepId}/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn results approved since the launch into cases, in the background */
    post: operations['TreatmentController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A treatment case with its history */
    get: operations['TreatmentController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/refer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refer a case to its designated hospital (转诊) */
    post: operations['TreatmentController_refer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/admit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Admit a case (the hospital; 入院) */
    post: operations['TreatmentController_admit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/treat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a case treated: discharged or maintenance treatment (the hospital) */
    post: operations['TreatmentController_treat'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a case without treatment, with its reason */
    post: operations['TreatmentController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a case: back to identified, with a reason (a manager or admin over it) */
    post: operations['TreatmentController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/treatment-cases/{id}/hospital': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign another designated hospital, with a reason (a manager or admin over it) */
    post: operations['TreatmentController_assignHospital'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-ups/rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow-up rate (随访率) of an area as of a day, per area directly below and in total */
    get: operations['FollowUpsController_rates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-ups/rates/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow-up rates (随访率) day by day or week by week through a range (default: this year to today) */
    get: operations['FollowUpsController_series'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-ups/rates.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow-up rates as the bureaus’ XLSX table (split by disease, 合计) */
    get: operations['FollowUpsController_sheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-up-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow-up plans of my scope */
    get: operations['FollowUpsController_listPlans'];
    put?: never;
    /** Create a follow-up plan (慢病签约随访) for a contracted patient */
    post: operations['FollowUpsController_createPlan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-up-plans/from-results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create plans for every contracted patient in scope whose latest approved result lists C01, C02 or C03 */
    post: operations['FollowUpsController_createPlansFromResults'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-up-plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End a follow-up plan; its unrecorded follow-ups leave the running tasks */
    delete: operations['FollowUpsController_deactivatePlan'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-ups/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the follow-up generator now, in the background (admins of a root unit) */
    post: operations['FollowUpsController_generate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The follow-ups of a unit's follow-up task (ID numbers masked) */
    get: operations['FollowUpsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/follow-ups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record a follow-up visit; the last one finishes the task */
    put: operations['FollowUpsController_record'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Problems in scope, overdue first */
    get: operations['ProblemsController_list'];
    put?: never;
    /** File a problem of a unit (merged into its open duplicate, or reopening a cleared one) */
    post: operations['ProblemsController_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a problem list (CSV or XLSX); a bad row refuses the file, naming the rows */
    post: operations['ProblemsController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The 清零 board of an area: open problems by unit, source, category and age, overdue first, and the daily burn-down */
    get: operations['ProblemsController_clearance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/ledger.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The problem ledger (问题清单 / 整改台账) of a unit and everything below it, as XLSX */
    get: operations['ProblemsController_ledger'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A problem with its history */
    get: operations['ProblemsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The responsible unit submits its rectification plan (open → plan_submitted) */
    post: operations['ProblemsController_plan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rectification under way (plan_submitted → rectifying) */
    post: operations['ProblemsController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/report-fix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The fix reported, with evidence uploaded to the problem's task (rectifying → fix_reported) */
    post: operations['ProblemsController_reportFix'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verified from outside the unit: cleared (销号) */
    post: operations['ProblemsController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/refuse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verification refused with a reason: back to rectifying */
    post: operations['ProblemsController_refuse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/problems/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A cleared problem found again: reopened with a new time limit, counted as a recurrence */
    post: operations['ProblemsController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/accountability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accountability records (问责) of units in scope, pending first, with the unit, the problem and the formal talk */
    get: operations['ProblemsController_accountability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/accountability/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A manager records the measure taken (问责) and completes the record */
    post: operations['ProblemsController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cross-checks/{stepId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A round: settings, pairing (generated from its seed on first sight) and the rules it breaks */
    get: operations['CrossChecksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cross-checks/{stepId}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** A draft round's settings; the pairing is generated again (400 naming the rule when none exists) */
    put: operations['CrossChecksController_settings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cross-checks/{stepId}/pairing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** A draft round's pairing edited by hand, checked rule by rule (400 naming the broken rule and units) */
    put: operations['CrossChecksController_pairing'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/checklists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Checklist versions, newest first */
    get: operations['CrossChecksController_checklists'];
    put?: never;
    /** A new checklist version (rounds keep the version they were set up with) */
    post: operations['CrossChecksController_createChecklist'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/checklists/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One checklist version */
    get: operations['CrossChecksController_checklist'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{taskId}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The items of an inspection task: clinic, doctor and sampled households */
    get: operations['CrossChecksController_items'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{taskId}/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The team records an item; a failure becomes a problem of the inspected unit */
    put: operations['CrossChecksController_record'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/spot-checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Spot checks of areas in my scope, newest first, with their counts */
    get: operations['SpotChecksController_list'];
    put?: never;
    /** Create a spot check (抽查) and draw its sample at once: a share or a number per unit, reproducible by its seed */
    post: operations['SpotChecksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/spot-checks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A spot check with one page of its samples (resident ID numbers masked) */
    get: operations['SpotChecksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/spot-checks/{id}/samples/{sampleId}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a sample's outcome: passed, or failed with a reason, which reopens the item */
    post: operations['SpotChecksController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health: PostgreSQL, Redis, Temporal, the deadline clocks and the background sweeps */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (text format); a Bearer token when METRICS_TOKEN is set */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The national working-day calendar, year by year (holidays and 调休) */
    get: operations['CalendarController_years'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendars/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Load or replace a year's national holiday schedule, JSON or CSV (admins of a root unit) */
    put: operations['CalendarController_load'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendars/{year}/counties/{unitId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a county's own days off and working days for a year */
    put: operations['CalendarController_county'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorResponseDto: {
      /** @example 404 */
      statusCode: number;
      /**
       * @description The status text
       * @example Not Found
       */
      error: string;
      /** @description What went wrong; the validation of a body or query lists one message per field */
      message: string | string[];
      /** @description An upload refused for its rows: how many errors it had (`errors` lists the first ones) */
      errorCount?: number;
      /** @description Details: the rows or fields at fault (an upload, a policy, a calendar, a template) */
      errors?: unknown[];
    };
    UnitView: {
      id: string;
      code: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      parentId: string | null;
      depth: number;
      isPoorVillage: boolean;
      /** @description 负责人 */
      headUserId: string | null;
      active: boolean;
    };
    UnitViewPage: {
      items: components['schemas']['UnitView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    UnitSummary: {
      id: string;
      code: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
    };
    LadderGapView: {
      unit: components['schemas']['UnitSummary'];
      /** @description targets that would reach no active user */
      missing: ('assigned_unit_head' | 'supervising_unit_head' | 'responsible_leader')[];
    };
    LadderCheckView: {
      /** @description active units checked */
      checked: number;
      /** @description units lacking at least one target, by path */
      units: components['schemas']['LadderGapView'][];
    };
    CreateUnitDto: {
      /** @example 510812100201 */
      code: string;
      /** @example 某某村 */
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /** Format: uuid */
      parentId: string;
      /** @description 贫困村; villages only */
      isPoorVillage?: boolean;
    };
    UpdateUnitDto: {
      /** @example 某某村 */
      name?: string;
      /**
       * Format: uuid
       * @description 负责人: an active user of this unit or a unit below it; null clears
       */
      headUserId?: string | null;
      /** @description 贫困村; villages only */
      isPoorVillage?: boolean;
      /** @description false deactivates (refused with 409 and a report while open tasks, active users or active child units remain) */
      active?: boolean;
    };
    BlockingTask: {
      /** Format: uuid */
      id: string;
      title: string;
      /** Format: date-time */
      dueAt: string;
    };
    BlockingUser: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
    };
    DeactivationBlockers: {
      openTaskCount: number;
      /** @description earliest due first */
      openTasks: components['schemas']['BlockingTask'][];
      activeUserCount: number;
      activeUsers: components['schemas']['BlockingUser'][];
      activeChildUnitCount: number;
      activeChildUnits: components['schemas']['UnitSummary'][];
    };
    DeactivationRefusal: {
      /** @example 404 */
      statusCode: number;
      /**
       * @description The status text
       * @example Not Found
       */
      error: string;
      /** @description What went wrong; the validation of a body or query lists one message per field */
      message: string | string[];
      /** @description An upload refused for its rows: how many errors it had (`errors` lists the first ones) */
      errorCount?: number;
      /** @description Details: the rows or fields at fault (an upload, a policy, a calendar, a template) */
      errors?: unknown[];
      blockers: components['schemas']['DeactivationBlockers'];
    };
    UnitImportRowDto: {
      code: Record<string, never>;
      name: Record<string, never>;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      parentCode?: Record<string, never>;
      isPoorVillage?: Record<string, never>;
      /** @description username of the head (负责人): an active user in your scope */
      headUsername?: Record<string, never>;
    };
    UnitImportDto: {
      units: components['schemas']['UnitImportRowDto'][];
    };
    UnitImportResult: {
      /** @description Units created (the import is all or nothing) */
      created: number;
    };
    UserView: {
      id: string;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'staff';
      unitId: string;
      active: boolean;
      responsibleUnitIds: string[];
    };
    UserViewPage: {
      items: components['schemas']['UserView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    CreateUserDto: {
      /** @example wang.wei */
      username: string;
      /** @example 王伟 */
      displayName: string;
      password: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'staff';
      /** Format: uuid */
      unitId: string;
      /** @description Units this user answers for as responsible leader (分片联系) */
      responsibleUnitIds?: string[];
    };
    UpdateUserDto: {
      /** @example 王伟 */
      displayName?: string;
      /** @enum {string} */
      role?: 'admin' | 'manager' | 'staff';
      /** Format: uuid */
      unitId?: string;
      /** @description Units this user answers for as responsible leader (分片联系) */
      responsibleUnitIds?: string[];
      active?: boolean;
    };
    ResetPasswordDto: {
      newPassword: string;
    };
    LoginDto: {
      /** @example admin */
      username: string;
      /** @example demo1234 */
      password: string;
    };
    AccessTokenView: {
      accessToken: string;
    };
    ChangePasswordDto: {
      currentPassword: string;
      newPassword: string;
    };
    NotificationItemDataView: {
      /** Format: uuid */
      taskId: string;
      taskTitle: string;
      unitName: string;
      dueAt: string;
    };
    NotificationView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      recipientUserId: string;
      /** @description What the notification is about, e.g. announcement:<id>:<user>; unique */
      businessKey: string;
      /** @description e.g. reminder, escalation, announcement */
      kind: string;
      /** @enum {string} */
      channel: 'in_app';
      title: string;
      body: string;
      data: components['schemas']['NotificationItemDataView'] | null;
      /**
       * Format: date-time
       * @description When it reached the inbox
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description null: unread
       */
      readAt: string | null;
    };
    NotificationViewPage: {
      items: components['schemas']['NotificationView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    NotificationSettingsView: {
      /** @description outside channels besides the in-app inbox */
      channels: ('webhook' | 'email')[];
      email: string | null;
      /** @description the webhook; its secret is never shown */
      webhookUrl: string | null;
    };
    NotificationSettingsDto: {
      /** @description outside channels besides the in-app inbox */
      channels: ('webhook' | 'email')[];
      email?: string;
      /** @description receives a signed JSON POST per notification */
      webhookUrl?: string;
      /** @description HMAC-SHA256 key of the X-Orchestrator-Signature header; never shown again */
      webhookSecret?: string;
    };
    UnreadCountView: {
      unread: number;
    };
    MarkedCountView: {
      /** @description How many were unread and are read now */
      marked: number;
    };
    NotificationTemplateView: {
      /** @description e.g. reminder, escalation, digest, announcement */
      kind: string;
      title: string;
      body: string;
      /** @description true: an admin's version is in use; false: the shipped default */
      customised: boolean;
      /** @description What the template may use: {{name}}, and {{#list}}…{{/list}} with its list.fields */
      variables: string[];
      /** Format: date-time */
      updatedAt: string | null;
      /** Format: uuid */
      updatedByUserId: string | null;
    };
    NotificationTemplateDto: {
      /** @example 【逾期督办】{{unitName}}：{{taskTitle}}（第{{level}}级） */
      title: string;
      /** @example {{unitName}}承担的任务“{{taskTitle}}”已逾期{{daysOverdue}}天，请尽快办结。 */
      body: string;
    };
    PreviewNotificationTemplateDto: {
      /** @example 【逾期督办】{{unitName}}：{{taskTitle}}（第{{level}}级） */
      title: string;
      /** @example {{unitName}}承担的任务“{{taskTitle}}”已逾期{{daysOverdue}}天，请尽快办结。 */
      body: string;
      /** @description values to use instead of the samples, e.g. {"taskTitle":"疾病再识别"} */
      vars?: Record<string, never>;
    };
    RenderedTemplateView: {
      title: string;
      body: string;
    };
    CreateAnnouncementDto: {
      /** @example 关于开展疾病再识别工作的通知 */
      title: string;
      /** @example 请各医疗机构于3月25日前完成辖区贫困人口疾病再识别工作。 */
      body: string;
      /**
       * Format: uuid
       * @description every active user at or below this unit receives it
       */
      scopeUnitId: string;
    };
    AnnouncementView: {
      /** Format: uuid */
      id: string;
      title: string;
      body: string;
      /** Format: uuid */
      scopeUnitId: string;
      /** Format: uuid */
      authorUserId: string;
      /** @enum {string} */
      status: 'sending' | 'sent';
      /** @description Set when the fan-out has finished; null before (absent from the answer that creates it) */
      recipientCount?: number | null;
      /** Format: date-time */
      createdAt: string;
    };
    CreateTaskDto: {
      /**
       * @default standalone
       * @example monthly_system_update
       */
      kind: string;
      /** @example 录入全国健康扶贫动态管理系统（11月） */
      title: string;
      description?: string;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      assigneeUserId?: string;
      /**
       * @description ISO time; a bare date (YYYY-MM-DD) means the end of that day, Asia/Shanghai
       * @example 2027-03-25
       */
      dueAt: string;
      /** @description a deadline policy (see README); default: the policy policyId names, else the default policy */
      policy?: Record<string, never>;
      /**
       * Format: uuid
       * @description a named policy (GET /api/policies), copied onto the task; ignored when policy is given
       */
      policyId?: string;
      /** Format: uuid */
      campaignId?: string;
      /** Format: uuid */
      stepId?: string;
    };
    OffsetView: {
      /** @enum {string} */
      unit: 'calendar_days' | 'working_days' | 'hours' | 'seconds' | 'due_day_at';
      /** @description Every unit but due_day_at */
      amount?: number;
      /**
       * @description due_day_at only: a local clock time on the due day
       * @example 09:00
       */
      time?: string;
    };
    QuietHoursView: {
      /**
       * @description HH:MM, local
       * @example 21:00
       */
      start: string;
      /**
       * @description HH:MM, local: the first minute people may be disturbed again
       * @example 08:00
       */
      end: string;
    };
    EscalationStepView: {
      level: number;
      /** @description How long after the due time the level is reached */
      after: components['schemas']['OffsetView'];
      /** @enum {string} */
      target: 'assigned_unit_head' | 'supervising_unit_head' | 'responsible_leader';
      /** @description Reaching the level also opens a formal talk (约谈) */
      opensFormalTalk?: boolean;
    };
    DeadlinePolicyView: {
      remindersBefore: components['schemas']['OffsetView'][];
      quietHours: components['schemas']['QuietHoursView'];
      escalation: components['schemas']['EscalationStepView'][];
      /**
       * @description day: a person's notifications of one local day come together
       * @enum {string}
       */
      digestWindow: 'day' | 'none';
    };
    TaskView: {
      /** Format: uuid */
      id: string;
      /** @description e.g. re_identification, monthly_system_update, standalone */
      kind: string;
      title: string;
      description: string;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      assigneeUserId: string | null;
      /** Format: date-time */
      dueAt: string;
      /** @description Bumped by each extension */
      deadlineVersion: number;
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
      /** @description The deadline policy as it was when the task started (see README: deadline policies) */
      policy: components['schemas']['DeadlinePolicyView'];
      /**
       * Format: uuid
       * @description The named policy the snapshot came from
       */
      policyId: string | null;
      escalationLevel: number;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** @description What the unit reported when it submitted (a campaign step's counts) */
      resultSummary: {
        [key: string]: unknown;
      } | null;
      /** @description The natural key a generator gave the task (null for a standalone one); in the answers of a task's creation and actions, not in lists */
      originKey?: string | null;
    };
    BulkTaskActionDto: {
      /** @enum {string} */
      action: 'reassign' | 'extend' | 'cancel';
      taskIds: string[];
      reason: string;
      /** @description extend: the new due time */
      newDueAt?: string;
      /**
       * Format: uuid
       * @description reassign: the new unit
       */
      unitId?: string;
      /**
       * Format: uuid
       * @description reassign: the new person
       */
      assigneeUserId?: string;
    };
    BulkItemResultView: {
      /** Format: uuid */
      taskId: string;
      ok: boolean;
      /** @description A refused item: the status the single action would have answered */
      status?: number;
      /** @description A refused item: why */
      error?: string;
    };
    BulkResultView: {
      results: components['schemas']['BulkItemResultView'][];
    };
    HandoverDto: {
      /**
       * Format: uuid
       * @description who takes over every open task
       */
      toUserId: string;
      /** @example 调离岗位 */
      reason: string;
    };
    TaskListItemView: {
      /** Format: uuid */
      id: string;
      /** @description e.g. re_identification, monthly_system_update, standalone */
      kind: string;
      title: string;
      description: string;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      assigneeUserId: string | null;
      /** Format: date-time */
      dueAt: string;
      /** @description Bumped by each extension */
      deadlineVersion: number;
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
      /** @description The deadline policy as it was when the task started (see README: deadline policies) */
      policy: components['schemas']['DeadlinePolicyView'];
      /**
       * Format: uuid
       * @description The named policy the snapshot came from
       */
      policyId: string | null;
      escalationLevel: number;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** @description What the unit reported when it submitted (a campaign step's counts) */
      resultSummary: {
        [key: string]: unknown;
      } | null;
      /** @description The natural key a generator gave the task (null for a standalone one); in the answers of a task's creation and actions, not in lists */
      originKey?: string | null;
      /** Format: date-time */
      nextReminderAt: string | null;
      /** Format: date-time */
      nextEscalationAt: string | null;
      /** @description The level that escalation reaches */
      nextEscalationLevel: number | null;
    };
    TaskListItemViewPage: {
      items: components['schemas']['TaskListItemView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    TaskEventView: {
      /** @description A bigint, as a string */
      id: string;
      /** Format: uuid */
      taskId: string;
      /** Format: date-time */
      at: string;
      /** Format: uuid */
      actorUserId: string | null;
      /** @description e.g. created, started, submitted, approved, returned, extended, reminded, escalated, evidence_added */
      action: string;
      /** @enum {string|null} */
      fromStatus: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled' | null;
      /** @enum {string|null} */
      toStatus: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled' | null;
      reason: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    NextReminderView: {
      /** Format: date-time */
      at: string;
      index: number;
    };
    NextEscalationView: {
      /** Format: date-time */
      at: string;
      level: number;
      /** @enum {string|null} */
      target: 'assigned_unit_head' | 'supervising_unit_head' | 'responsible_leader' | null;
    };
    ActedMomentView: {
      /** @enum {string} */
      kind: 'reminder' | 'escalation';
      seq: number;
      deadlineVersion: number;
      /** Format: date-time */
      dueAt: string;
      /** Format: date-time */
      actedAt: string;
    };
    TaskScheduleView: {
      nextReminder: components['schemas']['NextReminderView'] | null;
      nextEscalation: components['schemas']['NextEscalationView'] | null;
      /** @description Moments already acted on, oldest first */
      acted: components['schemas']['ActedMomentView'][];
    };
    ExtensionRequestView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      taskId: string;
      /** Format: uuid */
      requestedByUserId: string;
      /** Format: date-time */
      requestedDueAt: string;
      reason: string;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'refused';
      /** Format: uuid */
      decidedByUserId: string | null;
      decisionReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      decidedAt: string | null;
    };
    TaskDetailView: {
      /** Format: uuid */
      id: string;
      /** @description e.g. re_identification, monthly_system_update, standalone */
      kind: string;
      title: string;
      description: string;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      assigneeUserId: string | null;
      /** Format: date-time */
      dueAt: string;
      /** @description Bumped by each extension */
      deadlineVersion: number;
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
      /** @description The deadline policy as it was when the task started (see README: deadline policies) */
      policy: components['schemas']['DeadlinePolicyView'];
      /**
       * Format: uuid
       * @description The named policy the snapshot came from
       */
      policyId: string | null;
      escalationLevel: number;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** @description What the unit reported when it submitted (a campaign step's counts) */
      resultSummary: {
        [key: string]: unknown;
      } | null;
      /** @description The natural key a generator gave the task (null for a standalone one); in the answers of a task's creation and actions, not in lists */
      originKey?: string | null;
      /** @description The task history, oldest first */
      history: components['schemas']['TaskEventView'][];
      schedule: components['schemas']['TaskScheduleView'];
      /** @description The extension request awaiting a decision (延期申请), if any */
      pendingExtension: components['schemas']['ExtensionRequestView'] | null;
    };
    TaskActionDto: {
      /** @description required to return or cancel */
      reason?: string;
    };
    ExtensionRequestDto: {
      /** @example 2027-04-01 */
      newDueAt: string;
      reason: string;
    };
    ExtensionDecisionDto: {
      approve: boolean;
      reason?: string;
    };
    ReassignDto: {
      /** Format: uuid */
      unitId?: string;
      /**
       * Format: uuid
       * @description null: the unit as a whole
       */
      assigneeUserId?: Record<string, never> | null;
      reason: string;
    };
    KindedUnitRefView: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
    };
    OverdueTaskView: {
      /** Format: uuid */
      id: string;
      title: string;
      /** Format: date-time */
      dueAt: string;
      daysOverdue: number;
      escalationLevel: number;
      /**
       * Format: date-time
       * @description When the task's next pending escalation falls due
       */
      nextEscalationAt: string | null;
      nextEscalationLevel: number | null;
    };
    OverdueUnitView: {
      unit: components['schemas']['KindedUnitRefView'];
      overdueCount: number;
      maxDaysOverdue: number;
      maxEscalationLevel: number;
      /**
       * Format: date-time
       * @description The earliest pending escalation of the unit's overdue tasks
       */
      nextEscalationAt: string | null;
      tasks: components['schemas']['OverdueTaskView'][];
    };
    OverdueUnitViewPage: {
      items: components['schemas']['OverdueUnitView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    UnitRefView: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
    };
    UnitOverdueRateView: {
      unit: components['schemas']['UnitRefView'];
      dueSoFar: number;
      overdue: number;
      /** @description Percent with two decimals (逾期率) */
      overdueRate: number;
      /** @description Items of the unit a spot check (抽查) verified, passed or failed */
      spotChecked: number;
      /** @description Spot-checked items that failed: they count against the unit */
      failedSpotChecks: number;
      /** @description The ranking’s order: (overdue + failed spot checks) ÷ (due so far + spot-checked), percent with two decimals */
      rankingRate: number;
    };
    UnitOverdueRateViewPage: {
      items: components['schemas']['UnitOverdueRateView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    EscalationView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      taskId: string;
      deadlineVersion: number;
      level: number;
      /** Format: uuid */
      targetUserId: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      acknowledgedAt: string | null;
    };
    EscalationViewPage: {
      items: components['schemas']['EscalationView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    FormalTalkView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      taskId: string;
      deadlineVersion: number;
      level: number;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      leaderUserId: string | null;
      /** @enum {string} */
      status: 'pending' | 'scheduled' | 'held';
      /** Format: date-time */
      scheduledAt: string | null;
      /** Format: date-time */
      heldAt: string | null;
      outcome: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    FormalTalkViewPage: {
      items: components['schemas']['FormalTalkView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    FormalTalkUpdateDto: {
      scheduledAt?: string;
      heldAt?: string;
      outcome?: string;
    };
    EvidenceView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      taskId: string;
      /** @enum {string} */
      kind: 'note' | 'file';
      /** @description A note: its text */
      note: string | null;
      /** @description A file: its name as uploaded */
      fileName: string | null;
      contentType: string | null;
      sizeBytes: number | null;
      /** @description A file: SHA-256 of its bytes, hex */
      sha256: string | null;
      /** Format: uuid */
      uploadedByUserId: string;
      /** Format: date-time */
      createdAt: string;
    };
    EvidenceNoteDto: {
      /** @example 已入户核实，签字表见附件 */
      note: string;
    };
    PolicyRecordView: {
      /** Format: uuid */
      id: string;
      name: string;
      policy: components['schemas']['DeadlinePolicyView'];
      /** @description Tasks created without a policy get the default one */
      isDefault: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CreatePolicyDto: {
      /** @example 再识别核查（5个工作日） */
      name: string;
      /** @description a deadline policy: remindersBefore, quietHours, escalation, digestWindow (see README) */
      policy: Record<string, never>;
      /** @description true: make it the default (tasks created without a policy get it); in an edit, false on the default goes back to the built-in default */
      isDefault?: boolean;
    };
    UpdatePolicyDto: {
      /** @example 再识别核查（5个工作日） */
      name?: string;
      /** @description a deadline policy: remindersBefore, quietHours, escalation, digestWindow (see README) */
      policy?: Record<string, never>;
      /** @description true: make it the default (tasks created without a policy get it); in an edit, false on the default goes back to the built-in default */
      isDefault?: boolean;
    };
    AppliedPolicyView: {
      /** @description how many running tasks now carry the policy */
      updated: number;
    };
    VillageRef: {
      id: string;
      code: string;
      name: string;
    };
    HouseholdView: {
      id: string;
      /** @description 户编号 */
      householdNumber: string;
      /** @description 户主姓名 */
      headName: string;
      village: components['schemas']['VillageRef'];
      personCount: number;
      /** Format: date-time */
      updatedAt: string;
    };
    HouseholdViewPage: {
      items: components['schemas']['HouseholdView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    PersonView: {
      id: string;
      householdId: string;
      householdNumber: string;
      village: components['schemas']['VillageRef'];
      name: string;
      /**
       * @description the first four characters only
       * @example 5108**************
       */
      idNumberMasked: string;
      /** @enum {string} */
      sex: 'male' | 'female';
      /** @description 周岁 today (Asia/Shanghai); the birth date is never listed */
      age: number;
      /** @description 与户主关系 */
      relationToHead: string;
      /** @enum {string} */
      povertyStatus: 'not_out' | 'out';
      povertyCauseMain: string;
      povertyCauseSecondary: string;
      /** @description 签约家庭医生 */
      familyDoctor: string;
      /** @description 已患疾病, as the register states them */
      knownConditions: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PersonViewPage: {
      items: components['schemas']['PersonView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    PersonIdNumberView: {
      id: string;
      idNumber: string;
    };
    RegisterImportView: {
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
      fileName: string;
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /** @description a CSV’s encoding: utf-8 or gb18030 */
      encoding: string | null;
      /** @description data rows read so far (updated every 5,000 rows while running) */
      rowsProcessed: number;
      householdsCreated: number;
      householdsUpdated: number;
      personsCreated: number;
      personsUpdated: number;
      personsUnchanged: number;
      /** @description every error found, also beyond those the report lists */
      errorCount: number;
      message: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    CreateRecurringTaskDto: {
      /**
       * @description `{{period}}` becomes the month of each occurrence, e.g. 2026年11月
       * @example 录入全国健康扶贫动态管理系统（{{period}}）
       */
      title: string;
      description?: string;
      /**
       * @description the kind of the tasks it creates
       * @example monthly_system_update
       */
      kind: string;
      /**
       * Format: uuid
       * @description every unit of unitKind at or below this unit gets a task
       */
      scopeUnitId: string;
      /**
       * @example health_centre
       * @enum {string}
       */
      unitKind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /**
       * @description minute hour day-of-month month day-of-week, Asia/Shanghai (numbers, *, lists, ranges, steps)
       * @example 0 9 1 * *
       */
      cron: string;
      /**
       * @description due at the end of the local day this many days after the occurrence
       * @example 5
       */
      dueAfterDays: number;
      /** @description a deadline policy (see README); default: the default policy */
      policy?: Record<string, never>;
    };
    RecurringTaskView: {
      /** Format: uuid */
      id: string;
      /** @description May contain {{period}}, which each occurrence replaces with its month */
      title: string;
      description: string;
      /** @description The kind of the tasks it creates, e.g. monthly_system_update */
      kind: string;
      /** Format: uuid */
      scopeUnitId: string;
      /**
       * @description Every unit of this kind below the scope unit gets a task
       * @enum {string}
       */
      unitKind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /**
       * @description Five fields, in Asia/Shanghai
       * @example 0 9 1 * *
       */
      cron: string;
      /** @description Tasks are due at the end of the local day this many days after the occurrence's date */
      dueAfterDays: number;
      policy: components['schemas']['DeadlinePolicyView'];
      /** @description false while paused, and once deleted */
      active: boolean;
      /**
       * Format: date-time
       * @description Set when deleted
       */
      deletedAt: string | null;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    RecurringTaskViewPage: {
      items: components['schemas']['RecurringTaskView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    CatalogueDiseaseView: {
      /** @example M01 */
      code: string;
      /** @example 食管癌 */
      name: string;
      /**
       * @description major 大病, chronic 慢病, severe 重病
       * @enum {string}
       */
      category: 'major' | 'chronic' | 'severe';
    };
    CatalogueVersionView: {
      /** Format: uuid */
      id: string;
      version: number;
      name: string;
      notes: string;
      diseases: components['schemas']['CatalogueDiseaseView'][];
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    CreateCatalogueVersionDto: {
      /** @example 健康扶贫疾病目录（第二版） */
      name: string;
      notes?: string;
      /**
       * @description the whole list: [{ code, name, category: major | chronic | severe }]
       * @example [
       *       {
       *         "code": "M01",
       *         "name": "食管癌",
       *         "category": "major"
       *       }
       *     ]
       */
      diseases: components['schemas']['CatalogueDiseaseView'][];
    };
    CampaignStepDto: {
      /**
       * @description ISO time; a bare date means the end of that day, Asia/Shanghai
       * @example 2027-03-25
       */
      dueAt: string;
      /**
       * @description the kind of unit that gets a task: each one in scope; default the template step's first kind
       * @example village_clinic
       * @enum {string}
       */
      responsibleUnitKind?:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /**
       * @description start rule: not before this moment (a bare date means the start of that day, Asia/Shanghai); default none
       * @example 2027-05-15
       */
      startsAt?: string;
      /**
       * @description start rule: only once the step of this index (0-based, earlier) has completed; null: no such condition; default the template's rule
       * @example 1
       */
      startAfter?: number | null;
      /**
       * Format: uuid
       * @description a named deadline policy; default: the default policy
       */
      policyId?: string;
      /** @description an inline deadline policy (see README); wins over policyId */
      policy?: {
        [key: string]: unknown;
      };
      /** @description a treatment_round step: {startsOn, endsOn, diseases:[{disease (code or name), minAge?, maxAge?, sex?}], hospitals:[{unitId, diseases, countyUnitIds?}], targetRate, stages:{referral|admission|treatment:{withinDays}}} (see README) */
      round?: {
        [key: string]: unknown;
      };
    };
    CreateCampaignDto: {
      /** @example 2027年建档立卡贫困人口疾病再识别 */
      name: string;
      /**
       * @example re_identification
       * @enum {string}
       */
      template: 're_identification' | 'treatment_round' | 'cross_check' | 'qingling_year' | 're_identification_treatment';
      /**
       * Format: uuid
       * @description a city, county or township in your scope
       */
      scopeUnitId: string;
      /** @example 2027-03-01 */
      startsOn: string;
      /** @example 2027-06-30 */
      endsOn: string;
      /** @description disease catalogue version to pin; default the latest */
      catalogueVersion?: number;
      /** @description one entry per step of the template, in the template's order */
      steps: components['schemas']['CampaignStepDto'][];
    };
    RoundDiseaseView: {
      /** @description A code of the campaign’s catalogue version */
      code: string;
      /** @description Inclusive age (周岁) on the round’s first day */
      minAge?: number;
      maxAge?: number;
      /** @enum {string} */
      sex?: 'male' | 'female';
    };
    RoundHospitalView: {
      /**
       * Format: uuid
       * @description A designated hospital
       */
      unitId: string;
      /** @description Disease codes it treats in the round */
      diseases: string[];
      /** @description Counties it serves; absent: any county of the scope */
      countyUnitIds?: string[];
    };
    RoundStageView: {
      /** @description Calendar days the stage may take from its start */
      withinDays: number;
    };
    RoundStagesView: {
      /** @description 转诊: from the case’s creation */
      referral: components['schemas']['RoundStageView'];
      /** @description 入院 */
      admission: components['schemas']['RoundStageView'];
      /** @description 救治 */
      treatment: components['schemas']['RoundStageView'];
    };
    RoundDefinitionView: {
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
      diseases: components['schemas']['RoundDiseaseView'][];
      hospitals: components['schemas']['RoundHospitalView'][];
      /** @description Treatment rate to reach by endsOn, percent */
      targetRate: number;
      stages: components['schemas']['RoundStagesView'];
    };
    CampaignStepView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      campaignId: string;
      ordinal: number;
      /** @enum {string} */
      kind: 're_identification' | 'treatment_round' | 'cross_check' | 'rectification';
      title: string;
      /**
       * @description Each unit of this kind in the scope gets a task
       * @enum {string}
       */
      responsibleUnitKind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /** Format: date-time */
      dueAt: string;
      /**
       * Format: date-time
       * @description Start rule: not before this moment
       */
      startsAt: string | null;
      /** @description Start rule: only once the step of this ordinal has completed */
      startAfter: number | null;
      /** @description The deadline policy every task of the step gets */
      policy: components['schemas']['DeadlinePolicyView'];
      /** @description A treatment round's definition; null for other kinds */
      round: components['schemas']['RoundDefinitionView'] | null;
      /** Format: uuid */
      policyId: string | null;
      /** @enum {string} */
      status: 'pending' | 'launching' | 'running' | 'completed' | 'cancelled';
      taskCount: number;
      itemCount: number;
      /** Format: date-time */
      launchedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    GateHolderView: {
      /** Format: uuid */
      unitId: string;
      unitName: string;
      /** @description Problems of the unit not cleared */
      open: number;
    };
    QinglingGateView: {
      /** @description Problems in the campaign scope not cleared (its own, and those of no campaign) */
      openProblems: number;
      /** @description The units holding the gate, most first (at most 50) */
      holders: components['schemas']['GateHolderView'][];
    };
    CampaignDetailView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The template the steps came from */
      template: string;
      /** Format: uuid */
      scopeUnitId: string;
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
      /** @enum {string} */
      status: 'draft' | 'launching' | 'running' | 'completed' | 'cancelled';
      /**
       * Format: uuid
       * @description The disease catalogue version results are recorded against
       */
      catalogueVersionId: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      launchedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description In order */
      steps: components['schemas']['CampaignStepView'][];
      /** @description 清零 gate: the campaign completes only when no problem in its scope is open (empty unless launching or running) */
      gate: components['schemas']['QinglingGateView'];
    };
    CampaignView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The template the steps came from */
      template: string;
      /** Format: uuid */
      scopeUnitId: string;
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
      /** @enum {string} */
      status: 'draft' | 'launching' | 'running' | 'completed' | 'cancelled';
      /**
       * Format: uuid
       * @description The disease catalogue version results are recorded against
       */
      catalogueVersionId: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      launchedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CampaignViewPage: {
      items: components['schemas']['CampaignView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    CancelCampaignDto: {
      /** @example 范围有误，重新发起 */
      reason: string;
    };
    ProgressCampaignView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      status: 'draft' | 'launching' | 'running' | 'completed' | 'cancelled';
    };
    ProgressRootView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
    };
    StepTaskCountsView: {
      total: number;
      /** @description Unfinished and past due */
      overdue: number;
      open: number;
      in_progress: number;
      submitted: number;
      approved: number;
      cancelled: number;
    };
    ProgressUnitView: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
      /** Format: uuid */
      parentId: string | null;
    };
    UnitProgressView: {
      unit: components['schemas']['ProgressUnitView'];
      /** @description Persons to re-identify */
      persons: number;
      /** @description Persons with a result recorded */
      recorded: number;
      /** @description Persons per outcome (every outcome listed, 0 included) */
      byOutcome: {
        [key: string]: number;
      };
      /** @description Persons per disease category (every category listed, 0 included) */
      byCategory: {
        [key: string]: number;
      };
    };
    StepProgressView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 're_identification' | 'treatment_round' | 'cross_check' | 'rectification';
      title: string;
      /** @enum {string} */
      status: 'pending' | 'launching' | 'running' | 'completed' | 'cancelled';
      /** Format: date-time */
      dueAt: string;
      /** @description The step's tasks in the area, per status */
      tasks: components['schemas']['StepTaskCountsView'];
      /** @description The area unit and every area unit below it, rolled up */
      units: components['schemas']['UnitProgressView'][];
    };
    CampaignProgressView: {
      campaign: components['schemas']['ProgressCampaignView'];
      /** @description The area unit the figures are for */
      unit: components['schemas']['ProgressRootView'];
      steps: components['schemas']['StepProgressView'][];
    };
    SubmissionMismatchUnitView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    SubmissionMismatchView: {
      /** Format: uuid */
      taskId: string;
      unit: components['schemas']['SubmissionMismatchUnitView'];
      /** @description A count of the submission, e.g. 'persons' or 'byOutcome.none' */
      field: string;
      submitted: number;
      recorded: number;
    };
    RollupMismatchView: {
      /** Format: uuid */
      unitId: string;
      field: string;
      own: number;
      childrenSum: number;
    };
    ConsistencyReportView: {
      consistent: boolean;
      /** @description Submitted counts that differ from the records today */
      submissionMismatches: components['schemas']['SubmissionMismatchView'][];
      /** @description Parents whose count differs from the sum of their children's */
      rollupMismatches: components['schemas']['RollupMismatchView'][];
    };
    StepTemplateView: {
      /** @enum {string} */
      kind: 're_identification' | 'treatment_round' | 'cross_check' | 'rectification';
      title: string;
      /** @description Allowed responsible unit kinds, the first the default */
      responsibleUnitKinds: (
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic'
      )[];
      /** @description Default start rule: after the step of this index completes; null at launch */
      startAfter: number | null;
    };
    CampaignTemplateView: {
      key: string;
      name: string;
      /** @description In order: give one entry per step when creating */
      steps: components['schemas']['StepTemplateView'][];
    };
    ItemPersonView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The resident ID number, masked */
      idNumberMasked: string;
      sex: string;
      /** @description 周岁 today (Asia/Shanghai) */
      age: number;
      povertyStatus: string;
      povertyCauseMain: string;
      povertyCauseSecondary: string;
      knownConditions: string;
    };
    ItemHouseholdView: {
      /** @description The household number (户编号) */
      number: string;
      headName: string;
    };
    ItemVillageView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    ReIdentificationItemListView: {
      /** Format: uuid */
      id: string;
      person: components['schemas']['ItemPersonView'];
      household: components['schemas']['ItemHouseholdView'];
      village: components['schemas']['ItemVillageView'];
      /**
       * @description null: not recorded yet
       * @enum {string|null}
       */
      outcome: 'conditions' | 'none' | 'unreachable' | 'moved' | 'deceased' | null;
      conditions: components['schemas']['CatalogueDiseaseView'][];
      note: string;
      /** Format: date-time */
      recordedAt: string | null;
    };
    ReIdentificationItemListViewPage: {
      items: components['schemas']['ReIdentificationItemListView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    RecordedCountView: {
      /** @description Results recorded from the file */
      recorded: number;
    };
    RecordResultDto: {
      /**
       * @description conditions found, none, or why the person was not assessed
       * @enum {string}
       */
      outcome: 'conditions' | 'none' | 'unreachable' | 'moved' | 'deceased';
      /**
       * @description codes (or exact names) of the campaign's disease catalogue; required for outcome conditions
       * @example [
       *       "C01"
       *     ]
       */
      conditions?: string[];
      /**
       * @description required for unreachable, moved and deceased
       * @example 外出务工，电话无法接通
       */
      note?: string;
    };
    ReIdentificationItemView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      stepId: string;
      /** Format: uuid */
      taskId: string;
      /** Format: uuid */
      personId: string;
      /** Format: uuid */
      villageUnitId: string;
      /** @enum {string|null} */
      outcome: 'conditions' | 'none' | 'unreachable' | 'moved' | 'deceased' | null;
      /** @description Codes of the campaign’s catalogue version */
      conditionCodes: string[];
      note: string;
      /** Format: uuid */
      recordedByUserId: string | null;
      /** Format: date-time */
      recordedAt: string | null;
    };
    ComparisonRunView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      campaignId: string;
      /**
       * Format: uuid
       * @description The area the list covers
       */
      areaUnitId: string;
      fileName: string;
      listRows: number;
      flagged: number;
      /** @description Flags no unit answers for */
      unassigned: number;
      /** Format: date-time */
      dueAt: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    FlagCountsView: {
      /** @description 致贫原因为因病但未识别出疾病 */
      illness_cause_without_condition: number;
      /** @description 患大病但致贫原因非因病 */
      major_disease_without_illness_cause: number;
      /** @description 仅在扶贫部门名单中 */
      only_on_poverty_list: number;
      /** @description 仅在卫健部门记录中 */
      only_in_health_records: number;
    };
    ComparisonUnitRefView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    PartialFlagCountsView: {
      illness_cause_without_condition?: number;
      major_disease_without_illness_cause?: number;
      only_on_poverty_list?: number;
      only_in_health_records?: number;
    };
    ComparisonUnitView: {
      unit: components['schemas']['ComparisonUnitRefView'];
      /**
       * Format: uuid
       * @description The unit's verification task
       */
      taskId: string | null;
      flags: number;
      byKind: components['schemas']['PartialFlagCountsView'];
    };
    ComparisonSummaryView: {
      run: components['schemas']['ComparisonRunView'];
      /** @description The whole run */
      byKind: components['schemas']['FlagCountsView'];
      /** @description The units of my scope with flags */
      units: components['schemas']['ComparisonUnitView'][];
    };
    FlaggedPersonView: {
      /**
       * Format: uuid
       * @description null: not in the register
       */
      id: string | null;
      name: string | null;
      /** @description The resident ID number, masked */
      idNumberMasked: string;
      sex: string | null;
      /** @description 周岁 today */
      age: number | null;
    };
    PovertyCauseView: {
      main: string;
      secondary: string;
    };
    VerificationItemView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'illness_cause_without_condition' | 'major_disease_without_illness_cause' | 'only_on_poverty_list' | 'only_in_health_records';
      /** @description The kind in words */
      label: string;
      person: components['schemas']['FlaggedPersonView'];
      householdNumber: string;
      povertyCause: components['schemas']['PovertyCauseView'];
      /** @description Disease categories the health records hold */
      recordedCategories: string[];
      resolutionNote: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
    };
    VerificationItemViewPage: {
      items: components['schemas']['VerificationItemView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    ResolveFlagDto: {
      /**
       * @description what the verification found and did
       * @example 入户核实，患高血压，已补录
       */
      note: string;
    };
    ComparisonFlagView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      runId: string;
      /** @enum {string} */
      kind: 'illness_cause_without_condition' | 'major_disease_without_illness_cause' | 'only_on_poverty_list' | 'only_in_health_records';
      /** Format: uuid */
      personId: string | null;
      /** Format: uuid */
      unitId: string | null;
      /** Format: uuid */
      taskId: string | null;
      householdNumber: string;
      povertyCauseMain: string;
      povertyCauseSecondary: string;
      recordedCategories: string[];
      resolutionNote: string | null;
      /** Format: uuid */
      resolvedByUserId: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
    };
    RateAreaView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
    };
    RateRowView: {
      /** @description What the row counts: a unit id, a handling category or a disease code */
      key: string;
      label: string;
      /** @description 应救治 */
      needing: number;
      /** @description 已救治 */
      treated: number;
      /** @description Percent, rounded half up; null when nobody needs treatment */
      rate: number | null;
      /** @description Behind the pace to the target rate by the round’s last day */
      behindPace: boolean;
    };
    RateTotalView: {
      needing: number;
      treated: number;
      rate: number | null;
    };
    RatesReportView: {
      /** Format: uuid */
      stepId: string;
      /** Format: date */
      asOf: string;
      /** @enum {string} */
      by: 'county' | 'unit' | 'handling' | 'disease';
      decimals: number;
      /** @description The round’s target, percent */
      targetRate: number;
      unit: components['schemas']['RateAreaView'];
      rows: components['schemas']['RateRowView'][];
      total: components['schemas']['RateTotalView'];
    };
    RatePointView: {
      /** Format: date */
      date: string;
      rows: components['schemas']['RateRowView'][];
      total: components['schemas']['RateTotalView'];
    };
    RatesSeriesView: {
      /** Format: uuid */
      stepId: string;
      /** @enum {string} */
      by: 'county' | 'unit' | 'handling' | 'disease';
      /** @enum {string} */
      every: 'day' | 'week';
      decimals: number;
      targetRate: number;
      unit: components['schemas']['RateAreaView'];
      /** Format: date */
      from: string | null;
      /** Format: date */
      to: string | null;
      /** @description Each point is the table /rates?asOf=<date> answers */
      points: components['schemas']['RatePointView'][];
    };
    TreatmentCaseView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'identified' | 'referred' | 'admitted' | 'treated' | 'closed';
      /**
       * @description 三个一批: how the case is handled
       * @enum {string}
       */
      handling: 'major_treatment' | 'chronic_contract' | 'severe_safety_net';
      diseaseCode: string;
      diseaseName: string;
      personName: string;
      /** @description The resident ID number, masked */
      idNumberMasked: string;
      /** @description 周岁 today */
      age: number;
      villageName: string;
      /**
       * Format: uuid
       * @description The health centre that refers the case
       */
      referralUnitId: string | null;
      /**
       * Format: uuid
       * @description The designated hospital
       */
      hospitalUnitId: string | null;
      hospitalName: string | null;
      /**
       * Format: uuid
       * @description The deadline task of the case's current stage
       */
      stageTaskId: string | null;
      /** Format: date-time */
      stageDueAt: string | null;
      /** @enum {string|null} */
      outcome: 'discharged' | 'maintenance' | null;
      /** @enum {string|null} */
      closeReason: 'refused' | 'not_treatable' | 'deceased' | 'moved_away' | null;
      /**
       * @description From re-identification results, or added by hand
       * @enum {string}
       */
      origin: 'results' | 'manual';
      /** Format: date-time */
      createdAt: string;
    };
    TreatmentCaseViewPage: {
      items: components['schemas']['TreatmentCaseView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    AddCaseDto: {
      /**
       * Format: uuid
       * @description a registered person in your area
       */
      personId: string;
      /**
       * @description a disease code on the round's list
       * @example M09
       */
      diseaseCode: string;
      /** @example 复核发现，漏报 */
      reason: string;
    };
    TreatmentCaseEventView: {
      /** @description A bigint, as a string */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @description e.g. created, added, refer, admit, treat, close, reopen, hospital_assigned */
      action: string;
      /** @enum {string|null} */
      fromStatus: 'identified' | 'referred' | 'admitted' | 'treated' | 'closed' | null;
      /** @enum {string} */
      toStatus: 'identified' | 'referred' | 'admitted' | 'treated' | 'closed';
      /** Format: uuid */
      actorUserId: string | null;
      reason: string | null;
      details: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      createdAt: string;
    };
    TreatmentCaseDetailView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'identified' | 'referred' | 'admitted' | 'treated' | 'closed';
      /**
       * @description 三个一批: how the case is handled
       * @enum {string}
       */
      handling: 'major_treatment' | 'chronic_contract' | 'severe_safety_net';
      diseaseCode: string;
      diseaseName: string;
      personName: string;
      /** @description The resident ID number, masked */
      idNumberMasked: string;
      /** @description 周岁 today */
      age: number;
      villageName: string;
      /**
       * Format: uuid
       * @description The health centre that refers the case
       */
      referralUnitId: string | null;
      /**
       * Format: uuid
       * @description The designated hospital
       */
      hospitalUnitId: string | null;
      hospitalName: string | null;
      /**
       * Format: uuid
       * @description The deadline task of the case's current stage
       */
      stageTaskId: string | null;
      /** Format: date-time */
      stageDueAt: string | null;
      /** @enum {string|null} */
      outcome: 'discharged' | 'maintenance' | null;
      /** @enum {string|null} */
      closeReason: 'refused' | 'not_treatable' | 'deceased' | 'moved_away' | null;
      /**
       * @description From re-identification results, or added by hand
       * @enum {string}
       */
      origin: 'results' | 'manual';
      /** Format: date-time */
      createdAt: string;
      /** @description Every transition, oldest first */
      events: components['schemas']['TreatmentCaseEventView'][];
    };
    WorkflowStartedView: {
      /** @description The background workflow */
      workflowId: string;
    };
    CaseActionDto: {
      /** @example 已联系定点医院 */
      reason?: string;
    };
    TreatCaseDto: {
      /** @example 已联系定点医院 */
      reason?: string;
      /**
       * @description discharged (出院) or continuing maintenance treatment (维持治疗)
       * @enum {string}
       */
      outcome: 'discharged' | 'maintenance';
    };
    CloseCaseDto: {
      /**
       * @description refused needs signed evidence on the stage task first
       * @enum {string}
       */
      closeReason: 'refused' | 'not_treatable' | 'deceased' | 'moved_away';
      /** @example 本人及家属签字拒绝 */
      reason: string;
    };
    ReopenCaseDto: {
      /** @example 患者同意治疗 */
      reason: string;
    };
    AssignHospitalDto: {
      /**
       * Format: uuid
       * @description a designated hospital inside the campaign
       */
      hospitalUnitId: string;
      /** @example 患者就近选择 */
      reason: string;
    };
    FollowUpAreaView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      kind:
        | 'city'
        | 'county'
        | 'township'
        | 'village'
        | 'bureau'
        | 'bureau_section'
        | 'designated_hospital'
        | 'health_centre'
        | 'community_health_centre'
        | 'village_clinic';
    };
    FollowUpRateRowView: {
      /** @description The area unit id */
      key: string;
      label: string;
      /** @description Follow-ups whose period ended by the day */
      due: number;
      /** @description Of those, recorded by the end of the day */
      done: number;
      /** @description Percent, half up; null when none is due */
      rate: number | null;
    };
    FollowUpRateTotalView: {
      due: number;
      done: number;
      rate: number | null;
    };
    FollowUpRatesView: {
      /** Format: date */
      asOf: string;
      unit: components['schemas']['FollowUpAreaView'];
      /** @description One row per area directly below the unit (a village: its clinic); the total is their exact sum */
      rows: components['schemas']['FollowUpRateRowView'][];
      total: components['schemas']['FollowUpRateTotalView'];
    };
    FollowUpRatePointView: {
      /** Format: date */
      date: string;
      rows: components['schemas']['FollowUpRateRowView'][];
      total: components['schemas']['FollowUpRateTotalView'];
    };
    FollowUpRateSeriesView: {
      unit: components['schemas']['FollowUpAreaView'];
      /** @enum {string} */
      every: 'day' | 'week';
      decimals: number;
      /**
       * Format: date
       * @description the first point (null: no point yet)
       */
      from: string | null;
      /**
       * Format: date
       * @description the last point
       */
      to: string | null;
      /** @description Each point is exactly the table `/api/follow-ups/rates?asOf=<date>` answers */
      points: components['schemas']['FollowUpRatePointView'][];
    };
    CreateFollowUpPlanDto: {
      /**
       * Format: uuid
       * @description a registered person with a contracted family doctor (签约家庭医生)
       */
      personId: string;
      /**
       * @description C01 原发性高血压, C02 2型糖尿病, C03 严重精神障碍
       * @enum {string}
       */
      diseaseCode: 'C01' | 'C02' | 'C03';
      /**
       * @description face-to-face visits a year: periods of 3, 2 or 1 months
       * @default 4
       * @enum {number}
       */
      perYear: 4 | 6 | 12;
    };
    NamedRefView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    PlanPersonView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The resident ID number, masked */
      idNumberMasked: string;
      sex: string;
      /** @description 周岁 today */
      age: number;
      /** @description 签约家庭医生 */
      familyDoctor: string;
    };
    FollowUpPlanView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      diseaseCode: 'C01' | 'C02' | 'C03';
      diseaseName: string;
      /**
       * @description Follow-ups a year
       * @enum {number}
       */
      perYear: 4 | 6 | 12;
      /** Format: date */
      startsOn: string;
      active: boolean;
      /** @enum {string} */
      origin: 'manual' | 'results';
      /** @description The family doctor's unit, which gets the follow-up tasks */
      unit: components['schemas']['NamedRefView'];
      person: components['schemas']['PlanPersonView'];
      village: components['schemas']['NamedRefView'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deactivatedAt: string | null;
    };
    PlansFromResultsDto: {
      /**
       * Format: uuid
       * @description a county, township or village in your scope
       */
      scopeUnitId: string;
      /**
       * @default 4
       * @enum {number}
       */
      perYear: 4 | 6 | 12;
    };
    PlansFromResultsView: {
      /** @description Contracted patients in scope whose latest approved result lists a follow-up disease */
      eligible: number;
      /** @description Plans created (a patient with an active plan for the disease gets none) */
      created: number;
      /** @description Eligible patients whose village has no active clinic */
      withoutClinic: number;
      /** @description The generator run for the new plans' current period */
      generationWorkflowId: string | null;
    };
    FollowUpPlanViewPage: {
      items: components['schemas']['FollowUpPlanView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    GenerateFollowUpsDto: {
      /**
       * @description the day whose periods are generated (default: today, Asia/Shanghai); not before today
       * @example 2027-12-20
       */
      asOf?: string;
    };
    GenerationStartedView: {
      workflowId: string;
      /** Format: date */
      asOf: string;
    };
    PeriodView: {
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
    };
    FollowUpPersonView: {
      /** Format: uuid */
      id: string;
      name: string;
      idNumberMasked: string;
      sex: string;
      age: number;
    };
    FollowUpHouseholdView: {
      /** @description 户编号 */
      number: string;
      headName: string;
    };
    FollowUpView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      /** Format: uuid */
      taskId: string;
      /** @description The period of the plan, e.g. 2026-P4 (the fourth of the year) */
      periodKey: string;
      period: components['schemas']['PeriodView'];
      /** @enum {string} */
      diseaseCode: 'C01' | 'C02' | 'C03';
      diseaseName: string;
      /**
       * @description What the visit must record
       * @enum {string}
       */
      measure: 'blood_pressure' | 'glucose' | 'notes';
      person: components['schemas']['FollowUpPersonView'];
      household: components['schemas']['FollowUpHouseholdView'];
      village: components['schemas']['NamedRefView'];
      /** Format: date */
      visitDate: string | null;
      /** @description mmHg */
      systolic: number | null;
      /** @description mmHg */
      diastolic: number | null;
      /** @description Fasting glucose, mmol/L */
      glucose: number | null;
      notes: string;
      /** Format: date-time */
      recordedAt: string | null;
      /** Format: uuid */
      recordedByUserId: string | null;
    };
    FollowUpViewPage: {
      items: components['schemas']['FollowUpView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    RecordFollowUpDto: {
      /**
       * @description the day of the face-to-face visit: inside the follow-up's period, not in the future
       * @example 2027-12-18
       */
      visitDate: string;
      /**
       * @description mmHg, 60–300; required for C01 原发性高血压
       * @example 142
       */
      systolic?: number;
      /**
       * @description mmHg, 30–200, below systolic; required for C01
       * @example 91
       */
      diastolic?: number;
      /**
       * @description fasting glucose, mmol/L, 1.0–35.0, one decimal; required for C02 2型糖尿病
       * @example 6.8
       */
      glucose?: number;
      /** @description at most 2,000 characters; required for C03 严重精神障碍 */
      notes?: string;
    };
    RecordedFollowUpView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      /** Format: uuid */
      taskId: string;
      /** @description The period of the plan, e.g. 2026-P4 (the fourth of the year) */
      periodKey: string;
      period: components['schemas']['PeriodView'];
      /** @enum {string} */
      diseaseCode: 'C01' | 'C02' | 'C03';
      diseaseName: string;
      /**
       * @description What the visit must record
       * @enum {string}
       */
      measure: 'blood_pressure' | 'glucose' | 'notes';
      person: components['schemas']['FollowUpPersonView'];
      household: components['schemas']['FollowUpHouseholdView'];
      village: components['schemas']['NamedRefView'];
      /** Format: date */
      visitDate: string | null;
      /** @description mmHg */
      systolic: number | null;
      /** @description mmHg */
      diastolic: number | null;
      /** @description Fasting glucose, mmol/L */
      glucose: number | null;
      notes: string;
      /** Format: date-time */
      recordedAt: string | null;
      /** Format: uuid */
      recordedByUserId: string | null;
      /** @description The task's status after recording: the last follow-up finishes it */
      taskStatus: string;
    };
    CreateProblemDto: {
      /**
       * Format: uuid
       * @description the responsible unit (责任单位), in your scope
       */
      unitId: string;
      /** @enum {string} */
      source: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
      /**
       * @description decides the default time limit (整改时限)
       * @enum {string}
       */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      /** @example 村卫生室有过期药品 3 种 */
      description: string;
      /** @example 暗访照片 2 张 */
      evidence?: string;
      /**
       * @description the time limit; default: the category's
       * @example 2027-06-30
       */
      dueOn?: string;
      /**
       * @description the item: same unit and item while open merges
       * @example clinic.drugs_unexpired
       */
      itemKey?: string;
      /**
       * Format: uuid
       * @description the inspecting team's unit, whose people may verify the fix
       */
      inspectingUnitId?: string;
    };
    ProblemView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the responsible unit (责任单位)
       */
      unitId: string;
      /** @enum {string} */
      source: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
      /** @enum {string} */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      itemKey: string | null;
      duplicateKey: string;
      description: string;
      evidence: string;
      /**
       * Format: uuid
       * @description the inspecting team's unit
       */
      inspectingUnitId: string | null;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** @enum {string} */
      status: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      /**
       * Format: uuid
       * @description the rectification task of the deadline engine
       */
      taskId: string | null;
      version: number;
      /**
       * Format: date-time
       * @description the time limit (整改时限)
       */
      dueAt: string;
      plan: string | null;
      fixNote: string | null;
      /** @description times reported (duplicates merged) */
      reports: number;
      /** @description verifications refused */
      refusals: number;
      /** @description times found again after 销号 */
      recurrences: number;
      /** Format: uuid */
      verifiedByUserId: string | null;
      /** Format: date-time */
      clearedAt: string | null;
      /**
       * Format: date-time
       * @description found, or found again
       */
      openedAt: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    FiledProblemView: {
      /** @enum {string} */
      filedAs: 'created' | 'merged' | 'reopened';
      problem: components['schemas']['ProblemView'];
    };
    ProblemImportView: {
      created: number;
      merged: number;
      reopened: number;
    };
    ProblemListItemView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the responsible unit (责任单位)
       */
      unitId: string;
      /** @enum {string} */
      source: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
      /** @enum {string} */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      itemKey: string | null;
      duplicateKey: string;
      description: string;
      evidence: string;
      /**
       * Format: uuid
       * @description the inspecting team's unit
       */
      inspectingUnitId: string | null;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** @enum {string} */
      status: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      /**
       * Format: uuid
       * @description the rectification task of the deadline engine
       */
      taskId: string | null;
      version: number;
      /**
       * Format: date-time
       * @description the time limit (整改时限)
       */
      dueAt: string;
      plan: string | null;
      fixNote: string | null;
      /** @description times reported (duplicates merged) */
      reports: number;
      /** @description verifications refused */
      refusals: number;
      /** @description times found again after 销号 */
      recurrences: number;
      /** Format: uuid */
      verifiedByUserId: string | null;
      /** Format: date-time */
      clearedAt: string | null;
      /**
       * Format: date-time
       * @description found, or found again
       */
      openedAt: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      unitName: string;
      /** @description not cleared and past its due time */
      overdue: boolean;
    };
    ProblemListItemViewPage: {
      items: components['schemas']['ProblemListItemView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    BoardRootView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    BoardUnitView: {
      open: number;
      overdue: number;
      /** Format: uuid */
      unitId: string;
      unitName: string;
      oldestDays: number;
    };
    BoardSourceView: {
      open: number;
      overdue: number;
      /** @enum {string} */
      source: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
      label: string;
    };
    BoardCategoryView: {
      open: number;
      overdue: number;
      /** @enum {string} */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      label: string;
    };
    BoardAgeView: {
      open: number;
      overdue: number;
      /** @example 8-30 */
      bucket: string;
    };
    BurnDownDayView: {
      /** Format: date */
      day: string;
      open: number;
    };
    ProblemBoardView: {
      open: number;
      overdue: number;
      root: components['schemas']['BoardRootView'];
      /** Format: date */
      asOf: string;
      byUnit: components['schemas']['BoardUnitView'][];
      bySource: components['schemas']['BoardSourceView'][];
      byCategory: components['schemas']['BoardCategoryView'][];
      byAge: components['schemas']['BoardAgeView'][];
      burnDown?: components['schemas']['BurnDownDayView'][];
    };
    ProblemEventView: {
      id: string;
      /** Format: uuid */
      problemId: string;
      /** @example refuse */
      action: string;
      /** @enum {string|null} */
      fromStatus: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared' | null;
      /** @enum {string} */
      toStatus: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      /** Format: uuid */
      actorUserId: string | null;
      reason: string | null;
      details: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      createdAt: string;
    };
    ProblemDetailView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the responsible unit (责任单位)
       */
      unitId: string;
      /** @enum {string} */
      source: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
      /** @enum {string} */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      itemKey: string | null;
      duplicateKey: string;
      description: string;
      evidence: string;
      /**
       * Format: uuid
       * @description the inspecting team's unit
       */
      inspectingUnitId: string | null;
      /** Format: uuid */
      campaignId: string | null;
      /** Format: uuid */
      stepId: string | null;
      /** @enum {string} */
      status: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      /**
       * Format: uuid
       * @description the rectification task of the deadline engine
       */
      taskId: string | null;
      version: number;
      /**
       * Format: date-time
       * @description the time limit (整改时限)
       */
      dueAt: string;
      plan: string | null;
      fixNote: string | null;
      /** @description times reported (duplicates merged) */
      reports: number;
      /** @description verifications refused */
      refusals: number;
      /** @description times found again after 销号 */
      recurrences: number;
      /** Format: uuid */
      verifiedByUserId: string | null;
      /** Format: date-time */
      clearedAt: string | null;
      /**
       * Format: date-time
       * @description found, or found again
       */
      openedAt: string;
      /** Format: uuid */
      createdByUserId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      events: components['schemas']['ProblemEventView'][];
      /** @description the caller may verify or refuse its fix (outside the unit) */
      mayVerify: boolean;
    };
    SubmitPlanDto: {
      /** @example 3 日内补齐药品，清理过期药品并登记 */
      plan: string;
    };
    ProblemNoteDto: {
      /** @example 已开始整改 */
      reason?: string;
    };
    ReportFixDto: {
      /** @example 过期药品已清理，补购药品 12 种，见照片 */
      note: string;
    };
    ProblemReasonDto: {
      /** @example 药品登记表未更新 */
      reason: string;
    };
    AccountabilityListItemView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      problemId: string;
      /** Format: uuid */
      formalTalkId: string;
      /** Format: uuid */
      unitId: string;
      /** @enum {string} */
      status: 'pending' | 'completed';
      measure: string | null;
      /** Format: uuid */
      completedByUserId: string | null;
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description the responsible unit */
      unitName: string;
      problemDescription: string;
      /** @enum {string} */
      problemCategory:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
      /** @enum {string} */
      problemStatus: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      /** @description the escalation level that opened the formal talk */
      talkLevel: number;
      /** @enum {string} */
      talkStatus: 'pending' | 'scheduled' | 'held';
      /** Format: date-time */
      talkScheduledAt: string | null;
      /** Format: date-time */
      talkHeldAt: string | null;
      talkOutcome: string | null;
      /** @description who completed it */
      completedByName: string | null;
    };
    AccountabilityListItemViewPage: {
      items: components['schemas']['AccountabilityListItemView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    CompleteAccountabilityDto: {
      /** @example 对第1村卫生室负责人通报批评 */
      measure: string;
    };
    AccountabilityView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      problemId: string;
      /** Format: uuid */
      formalTalkId: string;
      /** Format: uuid */
      unitId: string;
      /** @enum {string} */
      status: 'pending' | 'completed';
      measure: string | null;
      /** Format: uuid */
      completedByUserId: string | null;
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    CrossCheckSettingsView: {
      seed: number;
      crossTownship: boolean;
      allowReciprocal: boolean;
      checklistVersion: number;
      householdsPerStratum: number;
    };
    PairView: {
      /** Format: uuid */
      teamId: string;
      teamName: string | null;
      /** Format: uuid */
      targetId: string;
      targetName: string | null;
      /**
       * Format: uuid
       * @description the inspection task, once launched
       */
      taskId: string | null;
    };
    PairingViolationView: {
      /** @enum {string} */
      rule: 'unknown_unit' | 'own_unit' | 'same_township' | 'exactly_one_team' | 'load_balance' | 'repeated_pair' | 'reciprocal';
      message: string;
      unitIds: string[];
    };
    CrossCheckRoundView: {
      /** Format: uuid */
      stepId: string;
      /** Format: uuid */
      campaignId: string;
      title: string;
      status: string;
      /** @enum {string} */
      level: 'village' | 'township';
      settings: components['schemas']['CrossCheckSettingsView'];
      pairs: components['schemas']['PairView'][];
      /** @description empty when every rule holds */
      violations: components['schemas']['PairingViolationView'][];
    };
    CrossCheckSettingsDto: {
      /** @description the seed of the pairing and the household sample */
      seed?: number;
      /** @description never inspect a unit of the own township (village teams) or county (township teams) */
      crossTownship?: boolean;
      /** @description allow A to inspect B while B inspects A */
      allowReciprocal?: boolean;
      /** @description the checklist version to use */
      checklistVersion?: number;
      /** @description households sampled per poverty status in each inspected village */
      householdsPerStratum?: number;
    };
    PairDto: {
      /** Format: uuid */
      teamId: string;
      /** Format: uuid */
      targetId: string;
    };
    PairingDto: {
      pairs: components['schemas']['PairDto'][];
    };
    ChecklistItemView: {
      /** @example clinic.drugs_unexpired */
      key: string;
      /** @enum {string} */
      kind: 'clinic' | 'doctor' | 'household';
      text: string;
      /** @enum {string} */
      category:
        | 'clinic_equipment'
        | 'clinic_drugs'
        | 'clinic_staffing'
        | 'clinic_records'
        | 'doctor_knowledge'
        | 'household_awareness'
        | 'family_doctor'
        | 'dynamic_system'
        | 'archives'
        | 'other';
    };
    ChecklistVersionView: {
      version: number;
      name: string;
      items: components['schemas']['ChecklistItemView'][];
      /** Format: date-time */
      createdAt: string;
    };
    ChecklistDto: {
      /** @example 交叉排查清单（2027） */
      name: string;
      /** @description the whole list; key 1–60 of a-z, 0-9, _ and . (kept across versions: a failed item’s problems merge by it) */
      items: components['schemas']['ChecklistItemView'][];
    };
    InspectionItemView: {
      /** Format: uuid */
      id: string;
      itemKey: string;
      /** @enum {string} */
      kind: 'clinic' | 'doctor' | 'household';
      text: string;
      /** @description the sampled household (household items) */
      householdNumber: string | null;
      /** @enum {string|null} */
      result: 'pass' | 'fail' | 'not_applicable' | null;
      note: string | null;
      evidenceIds: string[];
      /**
       * Format: uuid
       * @description the problem a failure filed
       */
      problemId: string | null;
    };
    RecordItemDto: {
      /** @enum {string} */
      result: 'pass' | 'fail' | 'not_applicable';
      /** @example 有 3 种过期药品 */
      note?: string;
      /** @description photos uploaded as evidence of the inspection task (POST /api/tasks/:id/evidence/files) */
      evidenceIds?: string[];
    };
    CreateSpotCheckDto: {
      /**
       * @description what is sampled: recorded re-identification results, treated cases or cleared problems
       * @enum {string}
       */
      kind: 're_identification_result' | 'treated_case' | 'cleared_problem';
      /**
       * Format: uuid
       * @description the campaign it samples (every step of the matching kind); or give stepId
       */
      campaignId?: string;
      /**
       * Format: uuid
       * @description the campaign step it samples (a re-identification step, a treatment round, a cross-check round)
       */
      stepId?: string;
      /**
       * Format: uuid
       * @description the area: items of units in it (in your scope, below your own unit)
       */
      scopeUnitId: string;
      /**
       * @description a share of each unit’s items, rounded up (at least one); or give perUnit
       * @example 0.1
       */
      share?: number;
      /**
       * @description a number per unit (all of a unit that has fewer)
       * @example 5
       */
      perUnit?: number;
      /** @description the seed of the draw (default: from the spot check’s id); the same seed draws the same items */
      seed?: number;
      /** @example 2027年第二季度救治情况抽查 */
      note?: string;
      /**
       * @description the client’s key of this request: sent again, the spot check already drawn is answered
       * @example f1d2…
       */
      requestKey?: string;
    };
    SpotCheckCountsView: {
      samples: number;
      pending: number;
      passed: number;
      failed: number;
    };
    SpotCheckView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 're_identification_result' | 'treated_case' | 'cleared_problem';
      /** Format: uuid */
      campaignId: string | null;
      campaignName: string | null;
      /** Format: uuid */
      stepId: string | null;
      stepTitle: string | null;
      /** Format: uuid */
      scopeUnitId: string;
      scopeUnitName: string;
      /** @description a share of each unit’s items, rounded up */
      share: number | null;
      /** @description a number per unit */
      perUnit: number | null;
      seed: number;
      note: string;
      /** Format: uuid */
      createdByUserId: string;
      /** Format: date-time */
      createdAt: string;
      counts: components['schemas']['SpotCheckCountsView'];
    };
    SpotCheckViewPage: {
      items: components['schemas']['SpotCheckView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    SampleItemView: {
      /** @description the result, the disease or the problem, in words */
      title: string;
      personName: string | null;
      /** @description masked as everywhere: the first characters, then * */
      idNumberMasked: string | null;
      /** @description the village of the person, or the problem’s category */
      place: string | null;
      /** @description the item’s status now (re-identification: recorded or pending; case or problem: its status) */
      currentStatus: string;
    };
    SpotCheckSampleView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the unit the item counts against
       */
      unitId: string;
      unitName: string;
      /**
       * Format: uuid
       * @description re-identification item, treatment case or problem
       */
      itemId: string;
      /** @description its place in the unit’s draw, from 1 */
      draw: number;
      /** @enum {string} */
      status: 'pending' | 'passed' | 'failed';
      reason: string | null;
      /** @description whether the failure reopened the item */
      reopened: boolean;
      /** Format: uuid */
      checkedByUserId: string | null;
      /** Format: date-time */
      checkedAt: string | null;
      item: components['schemas']['SampleItemView'];
    };
    SpotCheckSamplePageView: {
      items: components['schemas']['SpotCheckSampleView'][];
      /** @description How many match, over all pages */
      total: number;
      page: number;
      pageSize: number;
    };
    SpotCheckDetailView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 're_identification_result' | 'treated_case' | 'cleared_problem';
      /** Format: uuid */
      campaignId: string | null;
      campaignName: string | null;
      /** Format: uuid */
      stepId: string | null;
      stepTitle: string | null;
      /** Format: uuid */
      scopeUnitId: string;
      scopeUnitName: string;
      /** @description a share of each unit’s items, rounded up */
      share: number | null;
      /** @description a number per unit */
      perUnit: number | null;
      seed: number;
      note: string;
      /** Format: uuid */
      createdByUserId: string;
      /** Format: date-time */
      createdAt: string;
      counts: components['schemas']['SpotCheckCountsView'];
      samples: components['schemas']['SpotCheckSamplePageView'];
    };
    SampleOutcomeDto: {
      /** @description true: verified; false: failed, the item is reopened with the reason */
      passed: boolean;
      /**
       * @description required when failed
       * @example 入户核实：患者未在定点医院住院治疗
       */
      reason?: string;
    };
    SpotCheckSampleOutcomeView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      spotCheckId: string;
      /** Format: uuid */
      unitId: string;
      /** Format: uuid */
      itemId: string;
      draw: number;
      /** @enum {string} */
      status: 'pending' | 'passed' | 'failed';
      reason: string | null;
      reopened: boolean;
      /** Format: uuid */
      checkedByUserId: string | null;
      /** Format: date-time */
      checkedAt: string | null;
    };
    ComponentHealthView: {
      /** @enum {string} */
      status: 'up' | 'down';
      latencyMs: number;
      /** @description Why the component is down */
      error?: string;
    };
    OldestDueView: {
      clockKey: string;
      /** Format: date-time */
      dueAt: string;
    };
    DeadlineClocksHealthView: {
      /** @enum {string} */
      status: 'up' | 'degraded' | 'down';
      latencyMs: number;
      /** @description How long the oldest due moment has waited, whole seconds; null: unknown */
      lagSeconds: number | null;
      thresholdSeconds: number;
      oldestDue: components['schemas']['OldestDueView'] | null;
      error?: string;
    };
    FailingSweepView: {
      name: string;
      /** @description When its passes began to fail */
      since: string;
      error: string;
    };
    SweepsHealthView: {
      /** @enum {string} */
      status: 'up' | 'degraded' | 'down';
      latencyMs: number;
      failing: components['schemas']['FailingSweepView'][];
      error?: string;
    };
    HealthComponentsView: {
      postgres: components['schemas']['ComponentHealthView'];
      redis: components['schemas']['ComponentHealthView'];
      temporal: components['schemas']['ComponentHealthView'];
      deadlineClocks: components['schemas']['DeadlineClocksHealthView'];
      sweeps: components['schemas']['SweepsHealthView'];
    };
    HealthReportView: {
      /** @enum {string} */
      status: 'ok' | 'degraded' | 'error';
      components: components['schemas']['HealthComponentsView'];
    };
    CalendarYearView: {
      /** @example 2027 */
      year: number;
      /** @description Every day off, weekend days inside a holiday span included */
      holidays: string[];
      /** @description Weekend days that are working days (调休上班) */
      makeUpWorkdays: string[];
      /** @description Where the data comes from, e.g. the notice number */
      source?: string;
      /**
       * @description shipped: built into this release; loaded: loaded by an admin (wins)
       * @enum {string}
       */
      origin: 'shipped' | 'loaded';
    };
    CountyDaysDto: {
      /**
       * @example [
       *       "2026-03-20"
       *     ]
       */
      holidays: string[];
      makeUpWorkdays: string[];
    };
    CountyDaysView: {
      year: number;
      /** Format: uuid */
      countyUnitId: string;
      holidays: string[];
      makeUpWorkdays: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  UnitsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        kind?:
          | 'city'
          | 'county'
          | 'township'
          | 'village'
          | 'bureau'
          | 'bureau_section'
          | 'designated_hospital'
          | 'health_centre'
          | 'community_health_centre'
          | 'village_clinic';
        parentId?: string;
        /** @description part of the name or code */
        q?: string;
        /** @description also list deactivated units */
        includeInactive?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUnitDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_ladderCheck: {
    parameters: {
      query?: {
        /** @description root of the subtree to check (default: every subtree of your scope) */
        rootId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LadderCheckView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUnitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description deactivation refused: `blockers` names open tasks, active users and child units */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeactivationRefusal'];
        };
      };
    };
  };
  UnitsController_subtree: {
    parameters: {
      query?: {
        /** @description levels below the root to include (default: all) */
        maxDepth?: number;
        kind?:
          | 'city'
          | 'county'
          | 'township'
          | 'village'
          | 'bureau'
          | 'bureau_section'
          | 'designated_hospital'
          | 'health_centre'
          | 'community_health_centre'
          | 'village_clinic';
        /** @description also include deactivated units */
        includeInactive?: boolean;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_importJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UnitImportDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitImportResult'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UnitsController_importCsv: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitImportResult'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Unsupported body type or charset */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        unitId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  UsersController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      /** @description Reset */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Wrong username or password */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description too many failed sign-ins of this account or from this address; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token, or currentPassword is wrong */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description too many wrong passwords for this account or from this address; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_inbox: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        unreadOnly?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettingsView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_updateSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettingsView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_unreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Read */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  NotificationsController_markAllRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedCountView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TemplatesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationTemplateView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TemplatesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationTemplateView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TemplatesController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationTemplateView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TemplatesController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewNotificationTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenderedTemplateView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AnnouncementsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAnnouncementDto'];
      };
    };
    responses: {
      /** @description Delivery runs in the background: poll the announcement for its status */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnouncementView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AnnouncementsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnouncementView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTaskDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_bulkAction: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkTaskActionDto'];
      };
    };
    responses: {
      /** @description Per task: done, or refused and why */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResultView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_handover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandoverDto'];
      };
    };
    responses: {
      /** @description Per task: handed over, or refused and why */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResultView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_mine: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
        kind?: string;
        campaignId?: string;
        /** @description due at or after */
        dueFrom?: string;
        /** @description due at or before */
        dueTo?: string;
        /** @description only overdue tasks */
        overdue?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskListItemViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_forUnit: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'open' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
        kind?: string;
        campaignId?: string;
        /** @description due at or after */
        dueFrom?: string;
        /** @description due at or before */
        dueTo?: string;
        /** @description only overdue tasks */
        overdue?: string;
      };
      header?: never;
      path: {
        unitId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskListItemViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task after the transition */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task after the transition */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task after the transition */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_return: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TaskActionDto'];
      };
    };
    responses: {
      /** @description The task after the transition */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TaskActionDto'];
      };
    };
    responses: {
      /** @description The task after the transition */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_requestExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_decideExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        requestId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionDecisionDto'];
      };
    };
    responses: {
      /** @description The task after the decision */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TasksController_reassign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReassignDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_overdue: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description units with most overdue tasks, longest overdue, highest level, or soonest next escalation (units with none last) first */
        sort?: 'count' | 'days' | 'level' | 'nextEscalation';
        /** @description only this campaign's tasks */
        campaignId?: string;
        /** @description only units in this unit’s subtree (itself included); 403 outside your scope */
        unitId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverdueUnitViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_ranking: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitOverdueRateViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_mine: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        unacknowledgedOnly?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EscalationViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EscalationView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_formalTalks: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormalTalkViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  OversightController_updateFormalTalk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FormalTalkUpdateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormalTalkView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EvidenceController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceView'][];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EvidenceController_addNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvidenceNoteDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EvidenceController_addFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  EvidenceController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        evidenceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, with its stored Content-Type and name (Content-Disposition) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyRecordView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePolicyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyRecordView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyRecordView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePolicyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyRecordView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_makeDefault: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyRecordView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PoliciesController_applyToRunning: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppliedPolicyView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PopulationController_households: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description households of this village */
        villageId?: string;
        /** @description households of the villages at or below this unit */
        unitId?: string;
        /** @description part of the household number (户编号) or of the head’s name */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HouseholdViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PopulationController_persons: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description persons of the villages at or below this unit */
        unitId?: string;
        householdId?: string;
        /** @description part of the name */
        q?: string;
        /** @description the full resident ID number, matched exactly (a lower-case x is read as X): admins and managers only, within their scope; throttled per user and audited */
        idNumber?: string;
        /** @description not_out 未脱贫, out 已脱贫 */
        povertyStatus?: 'not_out' | 'out';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description too many searches by ID number; Retry-After says when to try again */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PopulationController_person: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  PopulationController_idNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonIdNumberView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RegisterImportsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description .csv or .xlsx with the columns 户编号, 村代码, 户主姓名, 姓名, 与户主关系, 身份证号, 性别, 出生日期, 脱贫状态, 主要致贫原因, 次要致贫原因, 签约家庭医生, 已患疾病
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description Queued: follow it with GET /api/population/imports/{id} */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterImportView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RegisterImportsController_templateCsv: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The template */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RegisterImportsController_templateXlsx: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The template */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RegisterImportsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterImportView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RegisterImportsController_errors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report: only the header row for an import without errors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRecurringTaskDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  RecurringTasksController_trigger: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The occurrence runs in the background */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringTaskView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DiseaseCatalogueController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogueVersionView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DiseaseCatalogueController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCatalogueVersionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogueVersionView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DiseaseCatalogueController_latest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogueVersionView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DiseaseCatalogueController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CatalogueVersionView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'draft' | 'launching' | 'running' | 'completed' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCampaignDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_launch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Launching: follow status and the progress */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelCampaignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_progress: {
    parameters: {
      query?: {
        /** @description a unit of the campaign scope (default: the scope unit, or your own area) */
        unitId?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignProgressView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_consistency: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsistencyReportView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignsController_ledger: {
    parameters: {
      query?: {
        /** @description unmasked resident ID numbers (admins and managers; audited) */
        fullIds?: 'true' | 'false';
        /** @description a unit with a task in the campaign (its own persons), or an area of the campaign scope (all persons there); default: the campaign's scope unit */
        unitId?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ledger workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CampaignTemplatesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignTemplateView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ReIdentificationController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        state?: 'pending' | 'recorded';
        outcome?: 'conditions' | 'none' | 'unreachable' | 'moved' | 'deceased';
        /** @description part of the person's name or the household number */
        q?: string;
      };
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReIdentificationItemListViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ReIdentificationController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedCountView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ReIdentificationController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordResultDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReIdentificationItemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_runs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonRunView'][];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_compare: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description CSV or XLSX: 身份证号, 户编号, 主要致贫原因, 次要致贫原因
           */
          file: string;
          dueAt: string;
          areaUnitId?: string;
        };
      };
    };
    responses: {
      /** @description The run: flagged persons went to their units as verification tasks */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonSummaryView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_summary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonSummaryView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_exportFlags: {
    parameters: {
      query?: {
        /** @description unmasked resident ID numbers (admins and managers; audited) */
        fullIds?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: string;
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The flagged persons workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_items: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        kind?:
          'illness_cause_without_condition' | 'major_disease_without_illness_cause' | 'only_on_poverty_list' | 'only_in_health_records';
        state?: 'open' | 'resolved';
      };
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerificationItemViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  DataComparisonController_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
        flagId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveFlagDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComparisonFlagView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentRatesController_table: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description rows: the counties, the areas directly below unitId (each with its whole subtree), 三个一批, or the diseases of the round */
        by?: 'county' | 'unit' | 'handling' | 'disease';
        /** @description an area (city, county, township, village) of the campaign scope, in your scope: only its cases are counted, and by=unit lists its children. Default: the campaign's scope unit (for by=unit, your own area when the campaign reaches beyond your scope) */
        unitId?: string;
        /** @description the day (Asia/Shanghai) the figures stand at the end of; default: today */
        asOf?: string;
      };
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatesReportView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentRatesController_series: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description rows: the counties, the areas directly below unitId (each with its whole subtree), 三个一批, or the diseases of the round */
        by?: 'county' | 'unit' | 'handling' | 'disease';
        /** @description an area (city, county, township, village) of the campaign scope, in your scope: only its cases are counted, and by=unit lists its children. Default: the campaign's scope unit (for by=unit, your own area when the campaign reaches beyond your scope) */
        unitId?: string;
        /** @description a point every day, or every seventh day from the round's first (the last day always included) */
        every?: 'day' | 'week';
      };
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatesSeriesView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentRatesController_sheet: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description rows: the counties, the areas directly below unitId (each with its whole subtree), 三个一批, or the diseases of the round */
        by?: 'county' | 'unit' | 'handling' | 'disease';
        /** @description an area (city, county, township, village) of the campaign scope, in your scope: only its cases are counted, and by=unit lists its children. Default: the campaign's scope unit (for by=unit, your own area when the campaign reaches beyond your scope) */
        unitId?: string;
        /** @description the day (Asia/Shanghai) the figures stand at the end of; default: today */
        asOf?: string;
      };
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'identified' | 'referred' | 'admitted' | 'treated' | 'closed';
        /** @description 三个一批 */
        handling?: 'major_treatment' | 'chronic_contract' | 'severe_safety_net';
        /** @description cases of this designated hospital */
        hospitalUnitId?: string;
        /** @description the case this task is a stage of, current or finished (the console opens a case from its stage task) */
        stageTaskId?: string;
      };
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowStartedView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_refer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseActionDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_admit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CaseActionDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_treat: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TreatCaseDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseCaseDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenCaseDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  TreatmentController_assignHospital: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignHospitalDto'];
      };
    };
    responses: {
      /** @description The case after the transition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TreatmentCaseDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_rates: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description an area in your scope (city, county, township, village); default: your own unit */
        unitId?: string;
        /** @description the day (Asia/Shanghai) the figures stand at the end of; default: today */
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpRatesView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_series: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description an area in your scope (city, county, township, village); default: your own unit */
        unitId?: string;
        /** @description the first day (Asia/Shanghai); default: 1 January of `to`'s year */
        from?: string;
        /** @description the last day, at most 366 days after `from`; default and at most: today */
        to?: string;
        /** @description a point every day, or every seventh day from `from` (the last day always included) */
        every?: 'day' | 'week';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpRateSeriesView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_sheet: {
    parameters: {
      query?: {
        /** @description decimals of the rates (rounded half up) */
        decimals?: number;
        /** @description an area in your scope (city, county, township, village); default: your own unit */
        unitId?: string;
        /** @description the day (Asia/Shanghai) the figures stand at the end of; default: today */
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_listPlans: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description plans kept by units under this one */
        unitId?: string;
        active?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpPlanViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_createPlan: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFollowUpPlanDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpPlanView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_createPlansFromResults: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlansFromResultsDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlansFromResultsView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_deactivatePlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpPlanView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_generate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GenerateFollowUpsDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GenerationStartedView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        state?: 'pending' | 'recorded';
      };
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordFollowUpDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedFollowUpView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
        source?: 'cross_check' | 'inspection' | 'unannounced_visit' | 'third_party_evaluation' | 'performance_review';
        category?:
          | 'clinic_equipment'
          | 'clinic_drugs'
          | 'clinic_staffing'
          | 'clinic_records'
          | 'doctor_knowledge'
          | 'household_awareness'
          | 'family_doctor'
          | 'dynamic_system'
          | 'archives'
          | 'other';
        /** @description problems of this unit and below */
        unitId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemListItemViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_report: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProblemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FiledProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description CSV or XLSX: unitCode / 责任单位编码, source / 来源, category / 类别, description / 问题描述, evidence / 佐证, dueOn / 整改时限, itemKey / 检查项
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemImportView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_clearance: {
    parameters: {
      query?: {
        /** @description the area: a unit in scope and everything below it (default: the caller's unit) */
        unitId?: string;
        /** @description only this campaign's problems (its cross-check rounds') */
        campaignId?: string;
        /** @description days of the burn-down, up to today */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemBoardView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_ledger: {
    parameters: {
      query?: {
        /** @description a unit in scope: its problems and those of every unit below (default: the caller's unit) */
        unitId?: string;
        status?: 'open' | 'plan_submitted' | 'rectifying' | 'fix_reported' | 'cleared';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ledger workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_plan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitPlanDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProblemNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_reportFix: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportFixDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProblemNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_refuse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProblemReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProblemReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_accountability: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description pending (待问责) or completed (已问责) */
        status?: 'pending' | 'completed';
        /** @description records of this unit and every unit below it (in your scope) */
        unitId?: string;
        /** @description the records of one problem */
        problemId?: string;
        /** @description the records opened with these formal talks (repeat the parameter, or separate by commas) */
        formalTalkId?: string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountabilityListItemViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ProblemsController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteAccountabilityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountabilityView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrossCheckRoundView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CrossCheckSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrossCheckRoundView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_pairing: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        stepId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PairingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrossCheckRoundView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_checklists: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChecklistVersionView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_createChecklist: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChecklistDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChecklistVersionView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_checklist: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChecklistVersionView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_items: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InspectionItemView'][];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CrossChecksController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordItemDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InspectionItemView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SpotChecksController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        kind?: 're_identification_result' | 'treated_case' | 'cleared_problem';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpotCheckViewPage'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SpotChecksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSpotCheckDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpotCheckView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SpotChecksController_get: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'pending' | 'passed' | 'failed';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpotCheckDetailView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  SpotChecksController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sampleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SampleOutcomeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpotCheckSampleOutcomeView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Conflicts with the current state or with an existing record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ok, or degraded: the API works, reminders may go out late */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportView'];
        };
      };
      /** @description error: a component the API needs does not answer */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportView'];
        };
      };
    };
  };
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deadline clocks, notifications, queues and process metrics */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description METRICS_TOKEN is set and the request does not carry it */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_years: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_load: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown;
        'text/csv': unknown;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The body or file is larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  CalendarController_county: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        unitId: string;
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CountyDaysDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CountyDaysView'];
        };
      };
      /** @description Invalid request: a parameter, field or file fails validation */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description The caller's role or scope does not admit this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description Not found (or outside the caller's scope) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
}
