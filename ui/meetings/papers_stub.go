package meetings

// Temporary until store/docx has the meeting papers.
func (p *meetingPage) chooseNotice()  {}
func (p *meetingPage) chooseMinutes() {}
