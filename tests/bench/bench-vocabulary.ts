// Runs in: the benchmark script (Node). Word lists the generated articles are made of, most common
// first (picks are Zipf-weighted), in English and Simplified Chinese.
export interface BenchVocabulary {
  englishWords: readonly string[];
  /** Chinese words (mostly two characters, as in news text) and single-character function words. */
  chineseWords: readonly string[];
  chinesePunctuation: readonly string[];
  sections: readonly { en: string; zh: string }[];
  tags: readonly string[];
  englishNames: readonly string[];
  chineseNames: readonly string[];
  englishRoles: readonly string[];
  chineseRoles: readonly string[];
}

const englishWords = `the of and to in a is that for on was with said as by at from it be has have are
an its not were this which but they after who had will their been more also one year new two over
city council would first people government about other than when into police last state minister
could most percent there three years school million up out officials report week after under budget
plan public health water new court market prices company workers residents mayor board election
vote policy project river bridge housing transport rail station airport hospital teachers students
university research study data economy growth trade exports factory energy power solar wind coal
climate weather storm flood drought farmers harvest rice wheat festival museum library theatre music
film season team match league coach players final victory defeat record injury stadium fans tickets
province district village county region border coast island harbour port ship cargo container freight
investigation inquiry evidence witness judge trial sentence appeal lawyer prosecutors charges arrest
suspect victim crime safety fire rescue emergency ambulance traffic accident road highway tunnel
construction permit zoning developer tower apartment rent tenants landlord mortgage bank interest
inflation wages jobs unemployment pension tax revenue spending deficit debt bond investors shares
stocks technology software internet phone app users privacy security network outage cable satellite
launch rocket space scientists discovery species forest park wildlife conservation pollution air
quality waste recycling plastic ocean beach tourism visitors hotel restaurant food market shoppers
retail sales online delivery drivers buses trams cyclists pedestrians parking fares commuters
morning evening tuesday wednesday thursday friday monday weekend spring summer autumn winter
announced approved rejected proposed expected warned promised signed opened closed reopened delayed
cancelled increased decreased rose fell doubled estimated reported confirmed denied criticised
praised welcomed questioned debated reviewed published released according spokesperson statement
interview conference meeting session committee agency ministry department office authority service
community neighbourhood families children parents elderly volunteers charity donations shelter
clinic doctors nurses patients vaccine treatment surgery waiting lists funding grants subsidies
contract tender bid procurement audit transparency accountability corruption resignation successor
candidate campaign poll turnout ballot results coalition opposition majority minority lawmakers
regulation reform amendment draft law bill ordinance hearing consultation survey feedback
infrastructure maintenance repairs upgrade expansion renovation heritage monument cathedral temple
archive exhibition collection painting sculpture author novel poetry award prize ceremony gala`
  .split(/\s+/)
  .filter((w, i, all) => w.length > 0 && all.indexOf(w) === i);

const chineseWords = `的 了 在 是 和 也 有 对 将 与 市 年 日 月 已 都 为 等 中 上
记者 今天 昨天 市民 政府 表示 工作 发展 问题 情况 部门 项目 建设 经济 社会 企业 城市 地区 活动 服务
进行 相关 目前 计划 公司 市场 群众 国家 管理 方面 提高 通过 主要 开始 实施 推进 加强 系统 提供 组织
会议 学校 学生 老师 教育 医院 医生 患者 健康 卫生 交通 道路 地铁 公交 车站 机场 铁路 高速 桥梁 隧道
天气 气温 降雨 台风 暴雨 洪水 干旱 农民 粮食 水稻 小麦 丰收 价格 消费 销售 商场 网上 快递 物流 外卖
预算 财政 税收 资金 投资 银行 利率 贷款 房价 住房 租金 社区 居民 家庭 老人 儿童 志愿者 慈善 捐款
法院 审理 案件 判决 警方 调查 嫌疑人 事故 安全 消防 救援 应急 检查 执法 监管 规定 政策 改革 法规
科技 研究 数据 网络 手机 用户 平台 人工智能 芯片 卫星 火箭 发射 科学家 发现 环境 污染 空气 质量 垃圾
分类 回收 森林 公园 保护 野生 动物 旅游 游客 酒店 景区 文化 博物馆 展览 音乐 电影 演出 比赛 球队 冠军
运动员 体育 赛季 球迷 门票 体育场 选举 投票 代表 委员 人大 政协 领导 干部 书记 市长 局长 主任 负责人
上午 下午 晚上 周一 周二 周三 周四 周五 周末 春天 夏天 秋天 冬天 今年 去年 明年 目标 任务 成果 措施
增加 减少 提升 下降 上涨 超过 达到 完成 启动 宣布 批准 发布 公布 召开 举行 签署 开放 关闭 恢复 推迟
专家 认为 指出 介绍 强调 要求 希望 建议 承诺 回应 说明 报道 采访 调研 统计 显示 约 万 亿 元 人 名 个`
  .split(/\s+/)
  .filter((w, i, all) => w.length > 0 && all.indexOf(w) === i);

export const BENCH_VOCABULARY: BenchVocabulary = {
  englishWords,
  chineseWords,
  chinesePunctuation: ['，', '，', '，', '、', '；', '：'],
  sections: [
    { en: 'Local', zh: '本地新闻' },
    { en: 'National', zh: '国内' },
    { en: 'World', zh: '国际' },
    { en: 'Business', zh: '财经' },
    { en: 'Politics', zh: '时政' },
    { en: 'Sport', zh: '体育' },
    { en: 'Culture', zh: '文化' },
    { en: 'Science', zh: '科技' },
    { en: 'Health', zh: '健康' },
    { en: 'Education', zh: '教育' },
    { en: 'Transport', zh: '交通' },
    { en: 'Weather', zh: '天气' },
  ],
  tags: [
    'budget', 'council', 'housing', 'transport', 'schools', 'health', 'courts', 'police', 'election', 'climate',
    'economy', 'jobs', 'tourism', 'football', 'festival', 'museum', 'weather', 'energy', 'technology', 'rail',
    '预算', '市议会', '住房', '交通', '教育', '医疗', '法治', '警方', '选举', '气候',
    '经济', '就业', '旅游', '足球', '春节', '博物馆', '天气', '能源', '科技', '地铁',
  ],
  englishNames: ['Alice Chen', 'Ben Okafor', 'Clara Novak', 'David Park', 'Elena Rossi', 'Farid Haddad', 'Grace Liu', 'Hugo Martin', 'Ines Silva', 'James Walker'],
  chineseNames: ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞'],
  englishRoles: ['Staff reporter', 'Correspondent', 'Photographer', 'Editor'],
  chineseRoles: ['本报记者', '特约记者', '摄影记者', '通讯员'],
};
