// Interface labels in English and Chinese; node names come from the graph in both.
const labels = {
  en: {
    brand: 'Roadmap', navHome: 'Home', navSearch: 'Search', navPaths: 'Paths', navImpact: 'Impact', navBottlenecks: 'Bottlenecks',
    navChanges: 'Changes', navCompare: 'Compare plans', navGraphiql: 'GraphiQL', toggle: '中文', skip: 'Skip to content',
    searchPlaceholder: 'Search technologies, components, products, programs (中文 or English)', searchLabel: 'Search the graph', searchHint: 'Type at least one character.',
    noResults: 'Nothing matches.', kinds: { TECHNOLOGY: 'Technologies', COMPONENT: 'Components', PRODUCT: 'Products', PROGRAM: 'Programs', DOCUMENT: 'Plans' },
    kind1: { TECHNOLOGY: 'Technology', COMPONENT: 'Component', PRODUCT: 'Product', PROGRAM: 'Program', DOCUMENT: 'Plan' },
    statuses: { DOMESTIC_GAP: 'domestic gap', IMPORT_DEPENDENT: 'import-dependent', FOUNDATION: 'foundation laid', BREAKTHROUGH: 'breakthrough', ADVANCED: 'advanced' },
    edges: { REQUIRES: 'requires', USES_TECHNOLOGY: 'uses technology', VARIANT_OF: 'variant of', TARGETS: 'targets', INCLUDES: 'includes' },
    noStatus: 'not judged', alternative: 'alternative (one of a group)',
    through: 'through {0}', classWide: 'class-wide', classWideTitle: 'Stated for the class as a whole: no member inherits it.',
    classWideEdge: 'class-wide need (no member inherits it)', readBasis: 'read from wording', alsoInPlan: 'Also in this plan:',
    homeTitle: 'Five plans, one graph', homeIntro: 'China\'s medical-device plans of 2015–2021, read as a technology roadmap: what each plan names, what it needs, and how the plans judged it.',
    countsByLayer: 'Nodes by layer', countsByStatus: 'Latest judgement', judgementsByYear: 'Statements by plan year', plans: 'The plans',
    questions: 'Questions to start with', qGaps: 'What do the plans\' own gaps hit?', qBottlenecks: 'Which parts and technologies do most products need?',
    qChanges: 'What changed between 2016 and 2021?', qCompare: '13th against 14th Five-Year plan', qRoadmap: 'The MRI system\'s roadmap over time',
    qTube: 'What needs the CT X-ray tube?', states: 'nodes stated', judged: 'judged', total: 'total', edgesCount: 'edges',
    timeline: 'Status over time', strip: 'Year by year', targets: 'Specification targets', goals: 'Goals', sources: 'Sources', needs: 'Needs', neededBy: 'Needed by',
    graph: 'Dependency graph', dependencies: 'What it needs', dependents: 'What needs it', depth: 'Depth', direction: 'Direction',
    graphHint: 'Click a node for details; a group opens on click; double-click opens a node.',
    keys: 'Keyboard: the arrows move between nodes, Enter opens one.', filter: 'Filter the graph', show: 'Show',
    asGraph: 'Graph', asTable: 'Table', legend: 'Legend', fill: 'Fill (latest status)', shape: 'Shape (layer)', edgeStyles: 'Lines (edge type)',
    details: 'Details', open: 'Open page', expandNeeds: 'Expand: what it needs', expandNeededBy: 'Expand: what needs it', pickNode: 'Click a node to see it here.',
    download: 'Download', png: 'PNG', svg: 'SVG', mermaid: 'Mermaid', graphml: 'GraphML', roadmapLink: 'Roadmap over time', impactLink: 'Impact if unavailable',
    notFound: 'No node has this id.', noView: 'There is no such page.', none: 'None stated.', year: 'Year', status: 'Status', plan: 'Plan', section: 'Clause', quote: 'Quote',
    pathsTitle: 'How does one node reach another?', from: 'From', to: 'To', find: 'Find paths', noPaths: 'No path within 6 edges.', pathsIncomplete: 'The search stopped at its step budget: there may be more paths than these.', pickHint: 'Type a name or an id; choose from the list or press the button.',
    impactTitle: 'What is hit if these stay unavailable?', add: 'Add', addLabel: 'A gap: name or id', assume: 'All current gaps (latest status: domestic gap or import-dependent)', run: 'Analyse',
    gapSet: 'Gap set', remove: 'Remove', resolvedLabel: 'Resolved (taken out of the gap set): name or id', resolvedSet: 'Resolved', asOfYear: 'Judge as of', latest: 'the latest plan', assumed: 'Assumed gaps', severity: 'Severity', distance: 'Distance', kind: 'Kind', node: 'Node', because: 'Because of', csv: 'Download CSV',
    impactEmpty: 'Nothing depends on the gap set.', noMatch: 'Nothing matches “{0}”.', unknownIds: 'Unknown ids: {0}', emptyGapSet: 'Add a gap, or tick “all current gaps”.',
    blocked: 'blocked', atRisk: 'at risk', loading: 'Loading…', retry: 'Try again',
    bottlenecksTitle: 'Bottlenecks: what the most products and programs need', dependentProducts: 'Products that need it', dependentPrograms: 'Programs', blockedProducts: 'Blocked if missing', rank: '#',
    changesTitle: 'Changes between two years', fromYear: 'From year', toYear: 'To year', change: 'Change', improved: 'improved', worsened: 'worsened', noChanges: 'No judgement changed between these years.',
    compareTitle: 'Two plans side by side', planA: 'Plan A', planB: 'Plan B', compare: 'Compare', onlyIn: 'Only in {0}', inBoth: 'In both',
    planTitle: 'What the plan states', issuer: 'Issuer', period: 'Period', statedCount: '{0} nodes stated', judgement: 'Its judgement',
    roadmapTitle: 'Roadmap over time', roadmapOf: 'Roadmap of {0}', roadmapHint: 'Lanes by layer, years across: program bars by period (other items from the first to the last plan that states them), the judgement in force each year (bold in the year a plan made it), targets and goals as milestones at their due years.',
    milestone: 'target (year stated)', dueAssumed: 'due at the plan period\'s end', statedYears: 'years stated by plans', mermaidGantt: 'Mermaid Gantt', truncated: 'More lies beyond this depth: raise the depth, or select a node and expand it.', asList: 'The same items as a list',
    errors: { network: 'The server cannot be reached. Check the connection and try again.', RATE_LIMITED: 'Too many requests for now. Wait a moment and try again.',
      NOT_FOUND: 'Nothing has this id.', INVALID_ARGUMENT: 'The request was not valid: {0}', default: 'The server could not answer this request ({0}).' },
  },
  zh: {
    brand: '路线图', navHome: '首页', navSearch: '搜索', navPaths: '路径', navImpact: '影响分析', navBottlenecks: '瓶颈',
    navChanges: '变化', navCompare: '规划对比', navGraphiql: 'GraphiQL', toggle: 'English', skip: '跳到正文',
    searchPlaceholder: '搜索技术、部件、产品、项目（中文或英文）', searchLabel: '搜索图谱', searchHint: '请输入至少一个字符。',
    noResults: '没有匹配的结果。', kinds: { TECHNOLOGY: '技术', COMPONENT: '部件与材料', PRODUCT: '产品', PROGRAM: '项目与工程', DOCUMENT: '规划' },
    kind1: { TECHNOLOGY: '技术', COMPONENT: '部件', PRODUCT: '产品', PROGRAM: '项目', DOCUMENT: '规划' },
    statuses: { DOMESTIC_GAP: '国内空白', IMPORT_DEPENDENT: '依赖进口', FOUNDATION: '已有基础', BREAKTHROUGH: '取得突破', ADVANCED: '国际先进' },
    edges: { REQUIRES: '需要', USES_TECHNOLOGY: '采用技术', VARIANT_OF: '属于', TARGETS: '支持', INCLUDES: '包含' },
    noStatus: '未评价', alternative: '可替代（同组之一）',
    through: '经由 {0}', classWide: '类整体', classWideTitle: '规划对该类整体提出：其成员不继承。',
    classWideEdge: '类整体的需求（成员不继承）', readBasis: '据措辞判读', alsoInPlan: '同一规划另见：',
    homeTitle: '五份规划，一张图', homeIntro: '2015—2021 年中国医疗器械规划，读作技术路线图：每份规划提到什么、依赖什么、如何评价。',
    countsByLayer: '各层节点数', countsByStatus: '最新评价', judgementsByYear: '各年规划的表述', plans: '规划',
    questions: '从这些问题开始', qGaps: '规划自身指出的短板影响什么？', qBottlenecks: '哪些部件和技术被最多产品需要？',
    qChanges: '2016 到 2021 年有什么变化？', qCompare: '“十三五”与“十四五”对比', qRoadmap: '磁共振成像系统的路线图', qTube: '什么依赖 CT 球管？',
    states: '个节点', judged: '已评价', total: '合计', edgesCount: '条边',
    timeline: '状态变化', strip: '逐年状态', targets: '技术指标', goals: '目标', sources: '出处', needs: '依赖', neededBy: '被依赖',
    graph: '依赖关系图', dependencies: '依赖什么', dependents: '被什么依赖', depth: '层数', direction: '方向',
    graphHint: '单击节点查看详情；单击分组展开；双击打开节点。',
    keys: '键盘：方向键在节点间移动，回车打开。', filter: '筛选图中节点', show: '显示',
    asGraph: '图', asTable: '表', legend: '图例', fill: '填充（最新状态）', shape: '形状（层）', edgeStyles: '线条（关系类型）',
    details: '详情', open: '打开', expandNeeds: '展开：依赖什么', expandNeededBy: '展开：被什么依赖', pickNode: '单击节点在此查看。',
    download: '下载', png: 'PNG', svg: 'SVG', mermaid: 'Mermaid', graphml: 'GraphML', roadmapLink: '时间路线图', impactLink: '如不可得的影响',
    notFound: '没有这个节点。', noView: '没有这个页面。', none: '未说明。', year: '年份', status: '状态', plan: '规划', section: '条款', quote: '原文',
    pathsTitle: '一个节点如何到达另一个节点？', from: '起点', to: '终点', find: '查找路径', noPaths: '6 步之内没有路径。', pathsIncomplete: '搜索到达步数上限：可能还有其他路径。', pickHint: '输入名称或 id，从列表中选择或直接按按钮。',
    impactTitle: '如果这些仍不可得，会影响什么？', add: '添加', addLabel: '短板：名称或 id', assume: '全部现有短板（最新状态为国内空白或依赖进口）', run: '分析',
    gapSet: '短板集合', remove: '移除', resolvedLabel: '已解决（移出短板集合）：名称或 id', resolvedSet: '已解决', asOfYear: '按此年份评价', latest: '最新规划', assumed: '假定的短板', severity: '严重程度', distance: '距离', kind: '类别', node: '节点', because: '原因', csv: '下载 CSV',
    impactEmpty: '没有节点依赖这些短板。', noMatch: '没有与“{0}”匹配的节点。', unknownIds: '未知的 id：{0}', emptyGapSet: '请添加短板，或勾选“全部现有短板”。',
    blocked: '受阻', atRisk: '有风险', loading: '加载中…', retry: '重试',
    bottlenecksTitle: '瓶颈：被最多产品和项目需要的节点', dependentProducts: '需要它的产品', dependentPrograms: '项目', blockedProducts: '缺失时受阻', rank: '#',
    changesTitle: '两个年份之间的变化', fromYear: '起始年份', toYear: '截止年份', change: '变化', improved: '改善', worsened: '变差', noChanges: '这两个年份之间没有评价变化。',
    compareTitle: '两份规划对比', planA: '规划 A', planB: '规划 B', compare: '对比', onlyIn: '仅在{0}', inBoth: '两者都有',
    planTitle: '规划的表述', issuer: '发布机构', period: '期间', statedCount: '提到 {0} 个节点', judgement: '评价',
    roadmapTitle: '时间路线图', roadmapOf: '{0}的路线图', roadmapHint: '按层分道，横轴为年份：项目按期间画条（其他节点从首次到最后一次被规划提及），每年标注有效的评价（作出评价的年份加粗），指标和目标为到期年份的里程碑。',
    milestone: '指标（规划给出年份）', dueAssumed: '按规划期末计', statedYears: '规划提及的年份', mermaidGantt: 'Mermaid 甘特图', truncated: '此层数之外还有更多：增加层数，或选中节点展开。', asList: '以列表列出相同内容',
    errors: { network: '无法连接服务器。请检查网络后重试。', RATE_LIMITED: '请求过多，请稍后重试。',
      NOT_FOUND: '没有这个 id。', INVALID_ARGUMENT: '请求无效：{0}', default: '服务器无法回答这个请求（{0}）。' },
  },
};

let lang = localStorage.getItem('roadmap.lang') === 'zh' ? 'zh' : 'en';

export const t = key => labels[lang][key];
export const fmt = (key, ...args) => t(key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
export const currentLang = () => lang;
export const setLang = value => { lang = value === 'zh' ? 'zh' : 'en'; localStorage.setItem('roadmap.lang', lang); };
export const name = node => (lang === 'zh' ? node.nameZh : node.nameEn);
export const otherName = node => (lang === 'zh' ? node.nameEn : node.nameZh);
export const docTitle = doc => (lang === 'zh' ? doc.title : doc.titleEn ?? doc.title);
export const statusName = status => labels[lang].statuses[status] ?? status;
export const edgeName = type => labels[lang].edges[type] ?? type;

// An API failure as a sentence a reader can act on.
export function errorText(error) {
  const e = labels[lang].errors;
  if (error.network) return e.network;
  const code = error.codes?.[0];
  if (code && e[code]) return e[code].replace('{0}', error.message);
  return e.default.replace('{0}', code ?? error.message);
}

export function applyStaticLabels() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const toggle = document.getElementById('lang');
  toggle.textContent = t('toggle');
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
}
