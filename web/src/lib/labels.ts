/** The console's Chinese words for the API's codes. */
export const TASK_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  open: { text: '待办', color: 'blue' },
  in_progress: { text: '进行中', color: 'processing' },
  submitted: { text: '已提交待审核', color: 'gold' },
  approved: { text: '已通过', color: 'green' },
  cancelled: { text: '已取消', color: 'default' },
};

export const ROLE_LABELS: Record<string, string> = { admin: '管理员', manager: '管理人员', staff: '工作人员' };

export const CAMPAIGN_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  launching: { text: '启动中', color: 'processing' },
  running: { text: '进行中', color: 'blue' },
  completed: { text: '已完成', color: 'green' },
  cancelled: { text: '已取消', color: 'default' },
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  city: '市',
  county: '县/区',
  township: '乡镇',
  village: '村',
  bureau: '卫健局',
  bureau_section: '科室',
  designated_hospital: '定点医院',
  health_centre: '乡镇卫生院',
  community_health_centre: '社区卫生服务中心',
  village_clinic: '村卫生室',
};

export const IMPORT_STATUS_LABELS: Record<string, string> = {
  queued: '排队中',
  running: '导入中',
  succeeded: '已完成',
  failed: '失败',
};

/** 问责 records: pending until a manager records the measure taken. */
export const ACCOUNTABILITY_STATUS: Record<'pending' | 'completed', { text: string; color: string }> = {
  pending: { text: '待问责', color: 'red' },
  completed: { text: '已问责', color: 'green' },
};

export const STEP_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  pending: { text: '未开始', color: 'default' },
  launching: { text: '启动中', color: 'processing' },
  running: { text: '进行中', color: 'blue' },
  completed: { text: '已完成', color: 'green' },
  cancelled: { text: '已取消', color: 'default' },
};
