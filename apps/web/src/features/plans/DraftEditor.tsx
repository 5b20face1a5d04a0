import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { OrgTreeSelect } from '../orgs/index.ts';

/**
 * The parsed skeleton as an editable form: rename, re-date, add or drop phases and tasks, and
 * name lead units before saving. Deadlines the parser found show the words they came from.
 */
export function DraftEditor() {
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item label="方案名称" name="title" rules={[{ required: true, message: '请填写方案名称' }]} style={{ flex: '3 1 280px' }}>
          <Input maxLength={200} data-testid="draft-title" />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true }]} style={{ flex: '0 1 120px' }}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="制定单位" name="orgId" rules={[{ required: true, message: '请选择制定单位' }]} style={{ flex: '2 1 220px' }}>
          <OrgTreeSelect activeOnly data-testid="draft-org" />
        </Form.Item>
      </Flex>
      <Form.List name="phases">
        {(phases, { add: addPhase, remove: removePhase }) => (
          <Flex vertical gap={12}>
            {phases.map((phase, i) => (
              <Card
                key={phase.key}
                size="small"
                data-testid={`draft-phase-${i}`}
                title={
                  <Form.Item name={[phase.name, 'name']} noStyle rules={[{ required: true, message: '请填写阶段名称' }]}>
                    <Input variant="borderless" style={{ fontWeight: 600, paddingLeft: 0 }} aria-label="阶段名称" data-testid={`draft-phase-name-${i}`} />
                  </Form.Item>
                }
                extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => removePhase(phase.name)} aria-label="删除阶段" />}
              >
                <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">时间</Typography.Text>
                  <Form.Item name={[phase.name, 'startOn']} noStyle>
                    <DatePicker placeholder="开始" size="small" />
                  </Form.Item>
                  <span>至</span>
                  <Form.Item name={[phase.name, 'endOn']} noStyle>
                    <DatePicker placeholder="结束" size="small" />
                  </Form.Item>
                </Flex>
                <Form.List name={[phase.name, 'tasks']}>
                  {(tasks, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {tasks.map((task, j) => (
                        <Flex key={task.key} vertical gap={4} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }} data-testid={`draft-task-${i}-${j}`}>
                          <Flex gap={8} wrap align="start">
                            <Form.Item name={[task.name, 'title']} noStyle rules={[{ required: true, message: '请填写任务名称' }]}>
                              <Input placeholder="任务名称" style={{ flex: '3 1 220px' }} data-testid={`draft-task-title-${i}-${j}`} />
                            </Form.Item>
                            <Form.Item name={[task.name, 'deadline']} noStyle>
                              <DatePicker placeholder="截止日期" style={{ flex: '1 1 130px' }} />
                            </Form.Item>
                            <div style={{ flex: '2 1 180px' }}>
                              <Form.Item name={[task.name, 'leadOrgId']} noStyle>
                                <OrgTreeSelect allowClear activeOnly placeholder="牵头单位（可稍后分派）" data-testid={`draft-task-lead-${i}-${j}`} />
                              </Form.Item>
                            </div>
                            <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(task.name)} aria-label="删除任务" />
                          </Flex>
                          <Form.Item noStyle shouldUpdate>
                            {({ getFieldValue }) => {
                              const t = getFieldValue(['phases', phase.name, 'tasks', task.name]) as { description?: string; deadlineText?: string | null } | undefined;
                              return (
                                <Flex gap={8} align="baseline">
                                  {t?.deadlineText && <Tag color="blue">时限依据：{t.deadlineText}</Tag>}
                                  {t?.description && (
                                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: 0, fontSize: 12, flex: 1 }}>
                                      {t.description}
                                    </Typography.Paragraph>
                                  )}
                                </Flex>
                              );
                            }}
                          </Form.Item>
                        </Flex>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ title: '', description: '', deadline: null, leadOrgId: null, cooperatingOrgIds: [] })}>
                        添加任务
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => addPhase({ name: '新阶段', tasks: [] })}>
              添加阶段
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
