"""Every interface text, in one catalogue: Vietnamese first, English second.

`t("key", **params)` formats the text in the current language; a key missing in
English falls back to Vietnamese, a key missing everywhere shows itself (so a
gap is visible in review, never a crash). Keys are grouped by screen; core
error messages live under `err.`.
"""

from __future__ import annotations

from typing import Any

DEFAULT_LANG = "vi"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_current = DEFAULT_LANG


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT_LANG


def current_language() -> str:
    return _current


def t(key: str, lang: str | None = None, **params: Any) -> str:
    catalogue = MESSAGES.get(lang or _current, {})
    text = catalogue.get(key) or MESSAGES[DEFAULT_LANG].get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        # --- app shell --------------------------------------------------
        "app.title": "Hội đồng Thi đua - Khen thưởng",
        "app.language": "Ngôn ngữ",
        "nav.home": "Trang chủ",
        "nav.login": "Đăng nhập",
        "nav.logout": "Đăng xuất",
        "nav.section.public": "Hội nghị",
        "nav.section.member": "Thành viên Hội đồng",
        "nav.section.secretary": "Thư ký Hội đồng",
        "nav.projector": "Màn hình trình chiếu",
        "nav.indicators": "Chỉ tiêu phong trào thi đua",
        "nav.scoring": "Phiếu chấm điểm",
        "nav.ballot": "Phiếu bầu kín",
        "nav.results": "Kết quả (Chủ tịch, Thư ký)",
        "nav.setup": "Thiết lập hội nghị",
        "nav.import": "Nhập dữ liệu từ Excel/CSV",
        "nav.rounds": "Vòng bình xét",
        "nav.progress": "Tiến độ",
        "nav.exports": "Xuất biên bản, sao lưu",
        "nav.audit": "Nhật ký thao tác",
        "home.agenda": "Chương trình hội nghị",
        "home.rounds": "Các vòng bình xét",
        "home.no_rounds": "Chưa có vòng bình xét nào.",
        "home.date_place": "{place}, ngày {date}",
        "home.counts": "{units} đơn vị · {candidates} đề nghị khen thưởng · {members} thành viên Hội đồng",
        "home.current_step": "Đang diễn ra",
        "home.signed_in_as": "Đang đăng nhập: {name} ({role})",
        "home.demo_note": "Dữ liệu mẫu: tên người và số liệu là hư cấu, dùng để thử phần mềm.",
        "home.candidates_short": "ứng viên",
        "page.in_progress": "Trang này đang được xây dựng.",
        "login.title": "Đăng nhập thành viên Hội đồng",
        "login.help": "Nhập mã truy cập cá nhân do Thư ký Hội đồng cấp (hoặc quét mã QR trên phiếu).",
        "login.code": "Mã truy cập",
        "logout.confirm": "Đăng xuất khỏi máy này? Bản nháp đã lưu trên máy chủ vẫn còn.",
        "err.criteria_in_use": "Bộ tiêu chí đã có điểm chấm: không thể thay đổi tiêu chí.",
        "err.reveal_needs_closed": "Chỉ công bố kết quả khi vòng đã khóa.",
        # --- domain labels -----------------------------------------------
        "kind.collective": "Tập thể",
        "kind.individual": "Cá nhân",
        "role.chair": "Chủ tịch Hội đồng",
        "role.vice_chair": "Phó Chủ tịch Hội đồng",
        "role.member": "Ủy viên",
        "role.secretary": "Thư ký Hội đồng",
        "unit_kind.khoa": "Khoa",
        "unit_kind.phong": "Phòng",
        "unit_kind.doan_the": "Đoàn thể",
        "unit_kind.khac": "Khác",
        "status.setup": "Đang chuẩn bị",
        "status.open": "Đang chấm, bỏ phiếu",
        "status.closed": "Đã khóa",
        "status.published": "Đã công bố",
        "choice.approve": "Đồng ý",
        "choice.reject": "Không đồng ý",
        "choice.abstain": "Không có ý kiến",
        "denominator.all": "Tổng số thành viên Hội đồng",
        "denominator.present": "Số thành viên có mặt",
        "rule.at_least": "từ {pct}% trở lên",
        "rule.more_than": "trên {pct}%",
        "method.mean": "Trung bình cộng",
        "method.median": "Trung vị",
        "method.trimmed_mean": "Trung bình bỏ điểm cao nhất và thấp nhất",
        "direction.higher": "Càng cao càng tốt",
        "direction.lower": "Càng thấp càng tốt",
        "col.stt": "STT",
        "col.full_name": "Họ và tên",
        "col.name": "Tên",
        "col.kind": "Loại",
        "col.unit": "Đơn vị",
        "col.position": "Chức vụ",
        "col.title": "Danh hiệu đề nghị",
        "col.achievements": "Thành tích",
        "col.role": "Vai trò",
        "col.status": "Trạng thái",
        "col.time": "Thời gian",
        "col.speaker": "Người thực hiện",
        "col.step": "Nội dung",
        # --- errors (core) -------------------------------------------------
        "err.required": "Thiếu {field_name}.",
        "err.empty_name": "Tên không được để trống.",
        "err.text_too_long": "{field_name} quá dài (tối đa {max} ký tự).",
        "err.duplicate": "Đã có mục trùng: {detail}.",
        "err.duplicate_name": "Đã có “{name}” (trùng tên, không phân biệt hoa thường và cách gõ dấu).",
        "err.foreign_key": "Tham chiếu tới một mục không tồn tại hoặc đang được dùng.",
        "err.check_failed": "Giá trị không hợp lệ ({detail}).",
        "err.not_a_number": "{field_name}: “{value}” không phải là số.",
        "err.out_of_range": "{field_name} phải từ {low} đến {high} (đang là {value}).",
        "err.not_positive": "{field_name} phải lớn hơn 0 (đang là {value}).",
        "err.bad_choice": "{field_name}: “{value}” không hợp lệ; chọn một trong: {allowed}.",
        "err.bad_date": "Ngày “{value}” không đúng dạng dd/mm/yyyy.",
        "err.unknown_unit": "Không có đơn vị “{name}”.",
        "err.unknown_title": "Không có danh hiệu “{name}”.",
        "err.title_kind_mismatch": "Danh hiệu “{title}” dành cho {expected}, không dành cho {given}.",
        "err.not_found": "Không tìm thấy {what} #{id}.",
        "err.round_not_open": "Vòng bình xét không ở trạng thái mở: không thể ghi điểm hay phiếu.",
        "err.sheet_already_submitted": "Phiếu chấm điểm đã nộp: không thể sửa nữa.",
        "err.ballot_already_cast": "Thành viên này đã bỏ phiếu trong vòng này: mỗi người chỉ một phiếu.",
        "err.score_out_of_range": "Điểm phải nằm trong khoảng từ 0 đến điểm tối đa của tiêu chí.",
        "err.schema_too_new": (
            "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ {found}, phần mềm hỗ trợ {expected})."
        ),
        "err.bad_transition": "Không thể chuyển vòng từ “{from_status}” sang “{to_status}”.",
        "err.reason_required": "Mở lại vòng đã khóa phải ghi rõ lý do.",
        "err.round_locked_setup": "Chỉ sửa danh sách của vòng khi vòng đang chuẩn bị.",
        "err.round_empty": "Vòng “{name}” chưa có ứng viên nào.",
        "err.not_authorised": "Bạn không có quyền thực hiện thao tác này.",
        "err.recused": "Thành viên không chấm, không bỏ phiếu cho “{name}” (tránh xung đột lợi ích).",
        "err.not_voting_member": "{name} không phải thành viên có quyền biểu quyết.",
        "err.not_in_round": "“{name}” không thuộc vòng bình xét này.",
        "err.score_step": "{field_name}: điểm phải là bội số của {step} (đang là {value}).",
        "err.incomplete_sheet": "Còn {count} ô chưa chấm: {detail}.",
        "err.incomplete_ballot": "Chưa chọn ý kiến cho: {detail}.",
        "err.ballot_not_needed": "Vòng này không có nội dung cần bỏ phiếu.",
        "err.bad_code": "Mã truy cập không đúng.",
        "err.rate_limited": "Nhập sai quá nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại.",
        "err.session_expired": "Phiên đăng nhập đã hết hạn hoặc đã đăng xuất. Vui lòng đăng nhập lại.",
        "err.file_empty": "Tệp “{file}” trống hoặc không có dòng dữ liệu nào.",
        "err.file_too_large": "Tệp “{file}” quá lớn ({size} MB; tối đa {max} MB).",
        "err.file_not_spreadsheet": "Tệp “{file}” không phải bảng tính Excel (.xlsx) hay CSV.",
        "err.file_encoding": "Không đọc được bảng mã của tệp (hãy lưu lại dạng UTF-8 hoặc .xlsx).",
        # --- scoring sheet, ballot, rounds, login (issue 3) ---
        # --- results, projector (issue 4) ---
        # --- setup, import (issue 5) ---
        # --- movement indicators (issue 6) ---
        # --- exports, minutes, backup, audit (issue 7) ---
    },
    "en": {
        "app.title": "Emulation & Commendation Council",
        "app.language": "Language",
        "nav.home": "Home",
        "nav.login": "Sign in",
        "nav.logout": "Sign out",
        "nav.section.public": "Conference",
        "nav.section.member": "Council member",
        "nav.section.secretary": "Council secretary",
        "nav.projector": "Projector screen",
        "nav.indicators": "Movement indicators",
        "nav.scoring": "Scoring sheet",
        "nav.ballot": "Secret ballot",
        "nav.results": "Results (chair, secretary)",
        "nav.setup": "Conference setup",
        "nav.import": "Import from Excel/CSV",
        "nav.rounds": "Selection rounds",
        "nav.progress": "Progress",
        "nav.exports": "Minutes, exports, backup",
        "nav.audit": "Audit log",
        "home.agenda": "Conference programme",
        "home.rounds": "Selection rounds",
        "home.no_rounds": "No selection round yet.",
        "home.date_place": "{place}, {date}",
        "home.counts": "{units} units · {candidates} nominations · {members} council members",
        "home.current_step": "Now",
        "home.signed_in_as": "Signed in: {name} ({role})",
        "home.demo_note": "Sample data: names and figures are fictional, for trying the software.",
        "home.candidates_short": "candidates",
        "page.in_progress": "This page is being built.",
        "login.title": "Council member sign-in",
        "login.help": "Enter the personal access code from the council secretary (or scan the QR code on your sheet).",
        "login.code": "Access code",
        "logout.confirm": "Sign out on this computer? Drafts saved on the server stay.",
        "kind.collective": "Collective",
        "kind.individual": "Individual",
        "role.chair": "Council chair",
        "role.vice_chair": "Vice-chair",
        "role.member": "Member",
        "role.secretary": "Secretary",
        "status.setup": "In preparation",
        "status.open": "Open for scoring and voting",
        "status.closed": "Closed",
        "status.published": "Published",
        "choice.approve": "Approve",
        "choice.reject": "Reject",
        "choice.abstain": "No opinion",
        "err.round_not_open": "The round is not open: no score or ballot can be written.",
        "err.sheet_already_submitted": "The scoring sheet was submitted and can no longer change.",
        "err.ballot_already_cast": "This member has already voted in this round.",
        "err.bad_code": "Wrong access code.",
        # --- scoring sheet, ballot, rounds, login (issue 3) ---
        # --- results, projector (issue 4) ---
        # --- setup, import (issue 5) ---
        # --- movement indicators (issue 6) ---
        # --- exports, minutes, backup, audit (issue 7) ---
    },
}
